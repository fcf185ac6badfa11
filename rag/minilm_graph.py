"""all-MiniLM-L6-v2 as an ONNX graph, written from its safetensors weights with no torch.

The graph is the model sentence-transformers runs for it: BERT's embeddings (word, position,
token type 0) and layer norm, 6 encoder layers (12 heads of 32, GELU with erf), then mean
pooling over the attention mask and L2 normalisation. Inputs: `input_ids` and
`attention_mask` (int64, batch x length); output: `embedding` (float32, batch x 384).
Every weight stays fp32, so its vectors are the torch model's to float rounding.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

# Bump when the graph changes, so a cached file is built again.
GRAPH_VERSION = "minilm-onnx-fp32-v1"
OPSET = 17  # LayerNormalization
HIDDEN = 384
HEADS = 12
LAYERS = 6
LAYER_NORM_EPS = 1e-12
MASKED = -1e9  # added to the attention scores of padding: exp() of it is 0 in fp32


class _Graph:
    """Nodes and initializers collected while the graph is written."""

    def __init__(self) -> None:
        self.nodes: list[Any] = []
        self.initializers: list[Any] = []
        self._count = 0

    def constant(self, name: str, value: np.ndarray[Any, Any]) -> str:
        from onnx import numpy_helper

        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def op(self, op_type: str, *inputs: str, **attributes: Any) -> str:
        from onnx import helper

        self._count += 1
        output = f"{op_type.lower()}_{self._count}"
        self.nodes.append(helper.make_node(op_type, list(inputs), [output], **attributes))
        return output

    def linear(self, x: str, weights: dict[str, np.ndarray[Any, Any]], prefix: str) -> str:
        """x @ W^T + b, for a torch Linear's `prefix.weight` and `prefix.bias`."""
        w = self.constant(f"{prefix}.weight_t", np.ascontiguousarray(weights[f"{prefix}.weight"].T))
        b = self.constant(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return self.op("Add", self.op("MatMul", x, w), b)

    def layer_norm(self, x: str, weights: dict[str, np.ndarray[Any, Any]], prefix: str) -> str:
        gamma = self.constant(f"{prefix}.weight", weights[f"{prefix}.weight"])
        beta = self.constant(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return self.op("LayerNormalization", x, gamma, beta, axis=-1, epsilon=LAYER_NORM_EPS)


def build_model_bytes(weights_file: Path) -> bytes:
    """The serialised ONNX model for the weights in `weights_file` (model.safetensors)."""
    from onnx import TensorProto, helper
    from safetensors.numpy import load_file

    weights = load_file(str(weights_file))
    g = _Graph()
    head_size = HIDDEN // HEADS

    # Embeddings: word + position + token type 0 (every input is one segment), then layer norm.
    word = g.constant("word_embeddings", weights["embeddings.word_embeddings.weight"])
    position = g.constant(
        "position_embeddings",
        weights["embeddings.position_embeddings.weight"] + weights["embeddings.token_type_embeddings.weight"][0],
    )
    zero = g.constant("zero", np.array([0], dtype=np.int64))
    one = g.constant("one", np.array([1], dtype=np.int64))
    length = g.op("Slice", g.op("Shape", "input_ids"), one, g.constant("two", np.array([2], dtype=np.int64)))
    positions = g.op("Slice", position, zero, length, zero)
    x = g.op("Add", g.op("Gather", word, "input_ids", axis=0), positions)
    x = g.layer_norm(x, weights, "embeddings.LayerNorm")

    # The mask, as a float (batch x length) and as scores to add (batch x 1 x 1 x length).
    mask = g.op("Cast", "attention_mask", to=TensorProto.FLOAT)
    masked = g.constant("masked", np.array(MASKED, dtype=np.float32))
    score_mask = g.op(
        "Unsqueeze",
        g.op("Mul", g.op("Sub", g.constant("one_f", np.array(1.0, dtype=np.float32)), mask), masked),
        g.constant("axes_1_2", np.array([1, 2], dtype=np.int64)),
    )
    split_heads = g.constant("split_heads", np.array([0, 0, HEADS, head_size], dtype=np.int64))
    merge_heads = g.constant("merge_heads", np.array([0, 0, HIDDEN], dtype=np.int64))
    scale = g.constant("scale", np.array(1.0 / math.sqrt(head_size), dtype=np.float32))
    half = g.constant("half", np.array(0.5, dtype=np.float32))
    one_f = "one_f"
    sqrt2 = g.constant("sqrt2", np.array(math.sqrt(2.0), dtype=np.float32))

    for i in range(LAYERS):
        p = f"encoder.layer.{i}"

        def heads(name: str, perm: list[int], x: str = x, p: str = p) -> str:
            """Batch x heads x length x 32 (keys: x 32 x length, ready to multiply)."""
            return g.op(
                "Transpose", g.op("Reshape", g.linear(x, weights, f"{p}.attention.self.{name}"), split_heads), perm=perm
            )

        q, k, v = heads("query", [0, 2, 1, 3]), heads("key", [0, 2, 3, 1]), heads("value", [0, 2, 1, 3])
        scores = g.op("Add", g.op("Mul", g.op("MatMul", q, k), scale), score_mask)
        context = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
        context = g.op("Reshape", g.op("Transpose", context, perm=[0, 2, 1, 3]), merge_heads)
        attended = g.linear(context, weights, f"{p}.attention.output.dense")
        x = g.layer_norm(g.op("Add", attended, x), weights, f"{p}.attention.output.LayerNorm")
        h = g.linear(x, weights, f"{p}.intermediate.dense")
        h = g.op("Mul", g.op("Mul", h, half), g.op("Add", g.op("Erf", g.op("Div", h, sqrt2)), one_f))  # exact GELU
        out = g.linear(h, weights, f"{p}.output.dense")
        x = g.layer_norm(g.op("Add", out, x), weights, f"{p}.output.LayerNorm")

    # Mean over the real tokens, then unit length (sentence-transformers' Pooling and Normalize).
    weights_3d = g.op("Unsqueeze", mask, g.constant("axis_2", np.array([2], dtype=np.int64)))
    summed = g.op("ReduceSum", g.op("Mul", x, weights_3d), one, keepdims=0)
    min_count = g.constant("min_count", np.array(1e-9, np.float32))
    counts = g.op("Clip", g.op("ReduceSum", weights_3d, one, keepdims=0), min_count)
    mean = g.op("Div", summed, counts)
    norm = g.op("Sqrt", g.op("ReduceSum", g.op("Mul", mean, mean), one, keepdims=1))
    norm = g.op("Clip", norm, g.constant("min_norm", np.array(1e-12, np.float32)))
    g.nodes.append(helper.make_node("Div", [mean, norm], ["embedding"]))

    graph = helper.make_graph(
        g.nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "length"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "length"]),
        ],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", HIDDEN])],
        g.initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name=GRAPH_VERSION)
    model.ir_version = 8
    return bytes(model.SerializeToString())
