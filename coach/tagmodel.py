"""A small sentence-embedding model beside the behaviour rules: it finds paraphrases no phrase table lists.

all-MiniLM-L6-v2 (int8 ONNX, exported once by ``models/minilm/export.py``) embeds an utterance; one
logistic regression per label (``models/minilm/heads.json``, trained by ``models/minilm/train_heads.py``
on the labelled utterance sets) says how likely the label is. A label is added only above a threshold
chosen for precision in cross-validation, so the model widens what the rules find rather than
second-guessing them. Runs on onnxruntime and ``tokenizers``; no torch.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from typing import Sequence

import numpy as np

from coach import onnx

log = logging.getLogger(__name__)

MODEL_FILE = "minilm/model.int8.onnx"
TOKENIZER_FILE = "minilm/tokenizer.json"
HEADS_FILE = "minilm/heads.json"
BATCH_SIZE = 32


@lru_cache(maxsize=1)
def _tokenizer():
    from tokenizers import Tokenizer

    return Tokenizer.from_file(str(onnx.model_path(TOKENIZER_FILE, "sentence model's tokenizer")))


@lru_cache(maxsize=1)
def heads() -> dict:
    """The trained heads: ``labels``, ``weights`` (labels × 384), ``bias``, ``thresholds``."""
    data = json.loads(onnx.model_path(HEADS_FILE, "behaviour model's heads").read_text())
    data["weights"] = np.asarray(data["weights"], np.float32)
    data["bias"] = np.asarray(data["bias"], np.float32)
    return data


def embed(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 384) unit sentence embeddings."""
    if not texts:
        return np.zeros((0, 384), np.float32)
    session = onnx.session(MODEL_FILE, "sentence model")
    tokenizer = _tokenizer()
    out = []
    for i in range(0, len(texts), BATCH_SIZE):
        enc = tokenizer.encode_batch(list(texts[i : i + BATCH_SIZE]))
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        out.append(session.run(None, feed)[0])
    return np.concatenate(out).astype(np.float32)


def probabilities(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), labels) probability of each of ``heads()["labels"]``."""
    h = heads()
    return 1.0 / (1.0 + np.exp(-(embed(texts) @ h["weights"].T + h["bias"])))


def labels_of(texts: Sequence[str]) -> list[set[str]]:
    """The labels the model is confident of, per text."""
    h = heads()
    thresholds = np.array([h["thresholds"][label] for label in h["labels"]])
    return [{label for label, on in zip(h["labels"], row) if on} for row in probabilities(texts) >= thresholds]
