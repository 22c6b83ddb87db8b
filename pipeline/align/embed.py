"""Optional neural scorer: multilingual sentence embeddings (e.g. LaBSE) through transformers.

``load_embedder`` loads any ``AutoModel`` checkpoint (a hub id or a local directory), encodes
with mean pooling in batches and caches one vector per distinct text, so that a segment and every
concatenation of neighbours the programme asks about are encoded once. torch and transformers are
imported only here, and only when an embedder is loaded.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ..errors import MissingExtraError
from . import dp

if TYPE_CHECKING:  # pragma: no cover
    from .scoring import PairScorer

_HINT = "pip install 'abstract-qa[neural]'"
#: Neighbours averaged for the margin (as in margin-based bitext mining).
K_NEIGHBOURS = 4


class Embedder(Protocol):
    """Anything that turns texts into unit-length vectors (one row per text)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class TransformersEmbedder:
    """Mean-pooled, L2-normalised encoder output of a transformers model, cached per text."""

    def __init__(self, tokenizer, model, *, batch_size: int = 32, max_length: int = 256) -> None:
        self.tokenizer, self.model = tokenizer, model
        self.batch_size, self.max_length = batch_size, max_length
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        todo = sorted({t for t in texts if t not in self._cache})
        for start in range(0, len(todo), self.batch_size):
            batch = todo[start:start + self.batch_size]
            enc = self.tokenizer(batch, padding=True, truncation=True,
                                 max_length=self.max_length, return_tensors="pt")
            with torch.no_grad():
                hidden = self.model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            pooled = torch.nn.functional.normalize(pooled, dim=-1)
            for text, vec in zip(batch, pooled.cpu().numpy()):
                self._cache[text] = vec.astype(np.float32)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])


def load_embedder(name_or_path: str, *, batch_size: int = 32) -> TransformersEmbedder:
    """Load a sentence embedder from a local directory or a model id (e.g. ``sentence-transformers/LaBSE``).

    Raises:
        MissingExtraError: when torch or transformers is not installed.
    """
    try:
        import torch  # noqa: F401
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        raise MissingExtraError(f"the neural scorer needs torch and transformers ({exc.name} is "
                                f"missing): {_HINT}") from None
    tokenizer = AutoTokenizer.from_pretrained(name_or_path)
    model = AutoModel.from_pretrained(name_or_path)
    model.eval()
    return TransformersEmbedder(tokenizer, model, batch_size=batch_size)


class EmbeddingBonus:
    """Margin-normalised cosine of the beads near a first path, encoded in one batched call.

    The margin subtracts how similar each side is to its nearest candidates on average, so that a
    generic sentence that resembles everything does not outscore a specific match.
    """

    def __init__(self, embedder: Embedder, scorer: "PairScorer", path: dp.Path,
                 width: int) -> None:
        n, m = len(scorer.src), len(scorer.tgt)
        band = dp.path_band(path, n, m, width)
        ranges = {0: set(), 1: set()}
        for i in range(n + 1):
            lo, hi = band[i]
            for a, b in dp.SHAPES:
                if a and b and i - a >= 0:
                    ranges[0].add((i - a, i))
                    for j in range(max(lo, b), hi + 1):
                        ranges[1].add((j - b, j))
        self._vec: dict[tuple[int, int, int], np.ndarray] = {}
        for side in (0, 1):
            keys = sorted(ranges[side])
            vecs = embedder.encode([scorer.text(side, i0, i1) for i0, i1 in keys])
            self._vec.update({(side, *k): v for k, v in zip(keys, vecs)})
        # Neighbourhood similarity of single segments, within the band.
        self._knn_s = np.zeros(n)
        self._knn_t = np.zeros(m)
        near_t: dict[int, list[float]] = {j: [] for j in range(m)}
        for i in range(n):
            lo, hi = band[i]
            sims = [float(self._vec[(0, i, i + 1)] @ self._vec[(1, j, j + 1)])
                    for j in range(lo, min(hi + 1, m)) if (1, j, j + 1) in self._vec]
            self._knn_s[i] = _top_mean(sims)
            for j, s in zip(range(lo, min(hi + 1, m)), sims):
                near_t[j].append(s)
        for j, sims in near_t.items():
            self._knn_t[j] = _top_mean(sims)

    def __call__(self, i0: int, i1: int, j0: int, j1: int) -> float:
        x, y = self._vec.get((0, i0, i1)), self._vec.get((1, j0, j1))
        if x is None or y is None:
            return 0.0
        margin = 0.5 * (self._knn_s[i0:i1].mean() + self._knn_t[j0:j1].mean())
        return float(x @ y) - float(margin)


def _top_mean(values: list[float]) -> float:
    if not values:
        return 0.0
    top = sorted(values, reverse=True)[:K_NEIGHBOURS]
    return sum(top) / len(top)
