"""all-MiniLM-L6-v2 as an ONNX graph, written from its safetensors weights with no torch.

The graph is the model sentence-transformers runs for it: BERT's embeddings (word, position,
token type 0) and layer norm, 6 encoder layers (12 heads of 32, GELU with erf), then mean
pooling over the attention mask and L2 normalisation. The layers use onnxruntime's fused
BERT operators, so the graph runs on onnxruntime only. Inputs: `input_ids` and
`attention_mask` (int64, batch x length); output: `embedding` (float32, batch x 384).

The graph is written in fp32 (the torch model's vectors to float rounding), then quantised:
int8 weights, one scale per output channel, activations quantised as each call runs
(onnxruntime's dynamic quantisation). That runs 1.7x faster here, on a CPU with AVX2 only,
and moves the vectors a little (cosine 0.98 to 0.99 against torch's); the README gives the
retrieval figures side by side.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

# Bump when the graph changes, so a cached file is built again.
GRAPH_VERSION = "minilm-onnx-int8-v1"
MS = "com.microsoft"  # onnxruntime's own operators
OPSET = 17  # LayerNormalization
HIDDEN = 384
HEADS = 12
LAYERS = 6
LAYER_NORM_EPS = 1e-12


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

    def op(self, op_type: str, *inputs: str, domain: str = "", **attributes: Any) -> str:
        from onnx import helper

        self._count += 1
        output = f"{op_type.lower()}_{self._count}"
        self.nodes.append(helper.make_node(op_type, list(inputs), [output], domain=domain or None, **attributes))
        return output

    def matmul(self, x: str, weights: dict[str, np.ndarray[Any, Any]], prefix: str) -> str:
        """x @ W^T, for a torch Linear's `prefix.weight` (its bias is added by the next node)."""
        w = self.constant(f"{prefix}.weight_t", np.ascontiguousarray(weights[f"{prefix}.weight"].T))
        return self.op("MatMul", x, w)

    def bias(self, weights: dict[str, np.ndarray[Any, Any]], prefix: str) -> str:
        return self.constant(f"{prefix}.bias", weights[f"{prefix}.bias"])

    def skip_layer_norm(self, h: str, residual: str, weights: dict[str, np.ndarray[Any, Any]], prefix: str) -> str:
        """LayerNorm(h @ W^T + b + residual) for BERT's `prefix.dense` and `prefix.LayerNorm`."""
        gamma = self.constant(f"{prefix}.LayerNorm.weight", weights[f"{prefix}.LayerNorm.weight"])
        beta = self.constant(f"{prefix}.LayerNorm.bias", weights[f"{prefix}.LayerNorm.bias"])
        projected = self.matmul(h, weights, f"{prefix}.dense")
        return self.op(
            "SkipLayerNormalization",
            projected,
            residual,
            gamma,
            beta,
            self.bias(weights, f"{prefix}.dense"),
            domain=MS,
            epsilon=LAYER_NORM_EPS,
        )

    def layer_norm(self, x: str, weights: dict[str, np.ndarray[Any, Any]], prefix: str) -> str:
        gamma = self.constant(f"{prefix}.weight", weights[f"{prefix}.weight"])
        beta = self.constant(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return self.op("LayerNormalization", x, gamma, beta, axis=-1, epsilon=LAYER_NORM_EPS)


def build_model_bytes(weights_file: Path) -> bytes:
    """The serialised fp32 ONNX model for the weights in `weights_file` (model.safetensors)."""
    from onnx import TensorProto, helper
    from safetensors.numpy import load_file

    weights = load_file(str(weights_file))
    g = _Graph()

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

    # Each layer in onnxruntime's fused kernels (the com.microsoft domain, which its BERT
    # optimiser emits): Attention takes the three projections at once, SkipLayerNormalization
    # adds the residual and the bias, BiasGelu is the exact (erf) GELU.
    mask_index = g.op("Cast", "attention_mask", to=TensorProto.INT32)
    for i in range(LAYERS):
        p = f"encoder.layer.{i}"
        qkv = [f"{p}.attention.self.{name}" for name in ("query", "key", "value")]
        w = g.constant(f"{p}.qkv.weight_t", np.concatenate([weights[f"{n}.weight"].T for n in qkv], axis=1))
        b = g.constant(f"{p}.qkv.bias", np.concatenate([weights[f"{n}.bias"] for n in qkv]))
        attended = g.op("Attention", x, w, b, mask_index, domain=MS, num_heads=HEADS)
        x = g.skip_layer_norm(attended, x, weights, f"{p}.attention.output")
        inner = f"{p}.intermediate.dense"
        h = g.op("BiasGelu", g.matmul(x, weights, inner), g.bias(weights, inner), domain=MS)
        x = g.skip_layer_norm(h, x, weights, f"{p}.output")

    # Mean over the real tokens, then unit length (sentence-transformers' Pooling and Normalize).
    mask = g.op("Cast", "attention_mask", to=TensorProto.FLOAT)
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
    opsets = [helper.make_opsetid("", OPSET), helper.make_opsetid(MS, 1)]
    model = helper.make_model(graph, opset_imports=opsets, producer_name=GRAPH_VERSION)
    model.ir_version = 8
    return bytes(model.SerializeToString())


def write_quantised(fp32_model: bytes, path: Path) -> None:
    """Write `fp32_model` to `path` with int8 weights (per output channel), activations quantised as it runs.

    The fused Attention becomes QAttention and each MatMul a MatMulInteger; layer norms, GELU
    and pooling stay fp32.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # The quantiser advises its "pre-processing" (shape inference and graph fusion) on the root
    # logger; this graph is written fused already, so the advice is not the user's business.
    root = logging.getLogger()
    advice = _DropMessages("pre-processing")
    root.addFilter(advice)
    try:
        quantize_dynamic(
            onnx.load_from_string(fp32_model),
            path,
            per_channel=True,
            weight_type=QuantType.QInt8,
            # Our fused operators carry no type information the quantiser can infer.
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
    finally:
        root.removeFilter(advice)


class _DropMessages(logging.Filter):
    """Drops log records whose message contains `text`."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def filter(self, record: logging.LogRecord) -> bool:
        return self.text not in record.getMessage()
