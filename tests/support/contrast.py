"""WCAG contrast of the text a browser shows, from computed styles (no axe-core download needed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

AA_NORMAL_TEXT = 4.5

# For every visible element that holds text of its own: its text colour and its effective
# background (its own and its ancestors' backgrounds composited, translucent ones blended),
# with the ancestors' opacity applied to the text. Returns the pairs and a sample of the text.
_MEASURE = """
() => {
  const parse = (value) => {
    const m = value.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const parts = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, base) => ({
    r: top.r * top.a + base.r * (1 - top.a),
    g: top.g * top.a + base.g * (1 - top.a),
    b: top.b * top.a + base.b * (1 - top.a),
    a: 1,
  });
  const background = (el) => {
    const layers = [];
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const area = node.getBoundingClientRect();
      const under = node === document.body || node === document.documentElement
        || (area.left <= x && x <= area.right && area.top <= y && y <= area.bottom);
      if (!under) continue;  // a label drawn outside its parent's box (a slider's value) is not on its colour
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg.a > 0) {
        layers.push(bg);
        if (bg.a >= 1) break;
      }
    }
    let color = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) color = over(layers[i], color);
    return color;
  };
  const opacity = (el) => {
    let value = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      value *= Number(getComputedStyle(node).opacity);
    }
    return value;
  };
  const results = [];
  for (const el of document.querySelectorAll("body *")) {
    if (["SCRIPT", "STYLE", "NOSCRIPT", "svg", "path", "OPTION"].includes(el.tagName)) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
    if (!own) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility !== "visible" || style.display === "none" || box.width < 1 || box.height < 1) continue;
    if (el.closest("[aria-hidden='true'], [inert]") || style.fontFamily.includes("Material")) continue;
    const fg = parse(style.color);
    if (!fg) continue;
    const seen = opacity(el);
    if (seen === 0) continue;  // shown only on hover, like a slider's bounds
    const bg = background(el);
    const text = over({ ...fg, a: fg.a * seen }, bg);
    results.push({ text: own.slice(0, 60), fg: text, bg, tag: el.tagName, cls: String(el.className).slice(0, 60) });
  }
  return results;
}
"""


def _luminance(c: dict[str, float]) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c["r"]) + 0.7152 * channel(c["g"]) + 0.0722 * channel(c["b"])


def contrast_ratio(fg: dict[str, float], bg: dict[str, float]) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""
    light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class TextContrast:
    """One piece of visible text and the contrast it is shown with."""

    text: str
    ratio: float
    where: str


def text_contrasts(page: Any) -> list[TextContrast]:
    """Every visible text element on the page with its contrast ratio."""
    found = page.evaluate(_MEASURE)
    return [
        TextContrast(item["text"], round(contrast_ratio(item["fg"], item["bg"]), 2), f"{item['tag']}.{item['cls']}")
        for item in found
    ]


def low_contrast(page: Any, minimum: float = AA_NORMAL_TEXT) -> list[TextContrast]:
    """The visible text shown below `minimum` (WCAG AA: 4.5:1)."""
    return [t for t in text_contrasts(page) if t.ratio < minimum]
