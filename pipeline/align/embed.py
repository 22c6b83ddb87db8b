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
from .features import MAX_SIDE

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
    generic sentence that resembles everything does not outscore a specific match. Called with
    arrays of bead ranges; a bead whose sides were not encoded gets 0.
    """

    def __init__(self, embedder: Embedder, scorer: "PairScorer", path: dp.Path,
                 width: int) -> None:
        n, m = scorer.n, scorer.m
        band = dp.path_band(path, n, m, width)
        rows, j, valid = band.grid()
        # Every range a bead of the band can have on each side: (start, size).
        wanted: tuple[set, set] = (set(), set())
        for a, b in dp.SHAPES:
            if not (a and b):
                continue
            ok = valid & (rows >= a) & (j >= b)
            wanted[0].update((int(i) - a, a) for i in np.unique(rows[ok]))
            wanted[1].update((int(x) - b, b) for x in np.unique(j[ok]))
        self._vec: list[np.ndarray] = []
        self._row: list[np.ndarray] = []  # (size, start) -> row of _vec, -1 when not encoded
        for side, count in ((0, n), (1, m)):
            keys = sorted(wanted[side] | {(k, 1) for k in range(count)})
            vecs = embedder.encode([scorer.text(side, k, k + size) for k, size in keys])
            index = np.full((MAX_SIDE + 1, count + 1), -1, dtype=np.int64)
            for r, (k, size) in enumerate(keys):
                index[size, k] = r
            self._vec.append(np.vstack([vecs, np.zeros((1, vecs.shape[1]), vecs.dtype)]))
            self._row.append(index)
        # How similar each single segment is to its nearest candidates within the band.
        ok = valid & (rows < n) & (j < m)
        si, tj = rows[ok], j[ok]
        sims = np.einsum("ij,ij->i", self._single(0, si), self._single(1, tj))
        self._knn = (np.concatenate([[0.0], np.cumsum(_top_mean(si, sims, n))]),
                     np.concatenate([[0.0], np.cumsum(_top_mean(tj, sims, m))]))

    def _single(self, side: int, k: np.ndarray) -> np.ndarray:
        return self._vec[side][self._row[side][1, k]]

    def __call__(self, i0: np.ndarray, i1: np.ndarray, j0: np.ndarray, j1: np.ndarray
                 ) -> np.ndarray:
        a, b = i1 - i0, j1 - j0
        ok = (a >= 1) & (a <= MAX_SIDE) & (b >= 1) & (b <= MAX_SIDE)
        rs = np.where(ok, self._row[0][np.clip(a, 0, MAX_SIDE), i0], -1)
        rt = np.where(ok, self._row[1][np.clip(b, 0, MAX_SIDE), j0], -1)
        ok &= (rs >= 0) & (rt >= 0)
        cos = np.einsum("ij,ij->i", self._vec[0][rs], self._vec[1][rt])
        ks, kt = self._knn
        margin = 0.5 * ((ks[i1] - ks[i0]) / np.maximum(a, 1) + (kt[j1] - kt[j0]) / np.maximum(b, 1))
        return np.where(ok, cos - margin, 0.0)


def _top_mean(owner: np.ndarray, values: np.ndarray, count: int) -> np.ndarray:
    """For each owner 0..count-1, the mean of its ``K_NEIGHBOURS`` largest values (0 if none)."""
    order = np.lexsort((-values, owner))
    owner, values = owner[order], values[order]
    start = np.searchsorted(owner, owner, "left")
    keep = np.arange(len(owner)) - start < K_NEIGHBOURS
    total = np.bincount(owner[keep], weights=values[keep], minlength=count)
    num = np.bincount(owner[keep], minlength=count)
    return np.divide(total, num, out=np.zeros(count), where=num > 0)
