"""The test suite. Shared helpers live in tests/support; fixtures in conftest.py."""

import pytest

# The helpers in tests/support assert like tests do: show their failures as pytest shows a test's.
pytest.register_assert_rewrite("tests.support")
