"""The optional neural scorer, on a tiny random BERT built in a temporary directory."""
from __future__ import annotations

import builtins

import numpy as np
import pytest

from pipeline.align import align, load_embedder
from pipeline.errors import MissingExtraError


def test_missing_extra_names_the_install_command(monkeypatch):
    real_import = builtins.__import__

    def no_torch(name, *args, **kwargs):
        if name.split(".")[0] in ("torch", "transformers"):
            raise ImportError(name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_torch)
    with pytest.raises(MissingExtraError, match=r"abstract-qa\[neural\]"):
        load_embedder("sentence-transformers/LaBSE")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    transformers = pytest.importorskip("transformers")
    pytest.importorskip("torch")
    d = tmp_path_factory.mktemp("tiny-bert")
    chars = sorted(set("研究结果显示患者康复我们研究の結果を示した") | set("abcdefghijklmnopqrstuvwxyz0123456789.。，"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + chars
    (d / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = transformers.BertTokenizer(str(d / "vocab.txt"))
    cfg = transformers.BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1,
                                  num_attention_heads=2, intermediate_size=32,
                                  max_position_embeddings=128)
    transformers.BertModel(cfg).save_pretrained(d)
    tok.save_pretrained(d)
    return d


def test_embedder_loads_from_a_directory_and_caches(tiny_model):
    emb = load_embedder(str(tiny_model), batch_size=2)
    v = emb.encode(["研究结果", "abc", "研究结果"])
    assert v.shape[0] == 3 and abs(float((v[0] ** 2).sum()) - 1) < 1e-4
    assert (v[0] == v[2]).all()
    assert len(emb._cache) == 2


def test_align_with_embedder_still_covers_everything(tiny_model):
    emb = load_embedder(str(tiny_model))
    src = ["We studied 40 patients.", "All recovered.", "Results were clear."]
    tgt = ["我们研究了40名患者。", "所有患者均康复。", "结果清楚。"]
    beads = align(src, tgt, "en", "zh", embedder=emb)
    assert [i for b in beads for i in b.src] == [0, 1, 2]
    assert [j for b in beads for j in b.tgt] == [0, 1, 2]
    # The per-concatenation cache holds single segments and neighbour joins.
    assert any(t == "我们研究了40名患者。所有患者均康复。" for t in emb._cache)


class _Lookup:
    """An embedder that knows a few translations: equal vectors for texts meaning the same."""

    def __init__(self, meaning):
        self.meaning = meaning

    def encode(self, texts):
        out = []
        for t in texts:
            v = np.zeros(8)
            for k, word in enumerate(self.meaning):
                v[k] = sum(1.0 for w in word if w in t)
            v[7] = 0.1  # never the zero vector
            out.append(v / np.linalg.norm(v))
        return np.array(out)


def test_embedding_bonus_is_margin_normalised_cosine():
    from pipeline.align import dp
    from pipeline.align.embed import K_NEIGHBOURS, EmbeddingBonus
    from pipeline.align.scoring import PairScorer

    src = ["Nurses help.", "Doctors help.", "Families wait.", "Clinics open.", "Budgets grow."]
    tgt = ["护士帮助。", "医生帮助。", "家属等待。", "诊所开放。", "预算增长。"]
    emb = _Lookup([("Nurses", "护士"), ("Doctors", "医生"), ("Families", "家属"),
                   ("Clinics", "诊所"), ("Budgets", "预算"), ("help", "帮助")])
    scorer = PairScorer(src, tgt, "en", "zh")
    path = [(i, i + 1, i, i + 1) for i in range(5)]
    bonus = EmbeddingBonus(emb, scorer, path, 1)
    band = dp.path_band(path, 5, 5, 1)
    vec = {(side, i): emb.encode([scorer.text(side, i, i + 1)])[0] for side in (0, 1)
           for i in range(5)}

    def top(values):
        values = sorted(values, reverse=True)[:K_NEIGHBOURS]
        return sum(values) / len(values)

    near = {(i, j) for i in range(5) for j in range(band.lo[i], min(band.hi[i], 4) + 1)}
    knn_s = [top([vec[0, i] @ vec[1, j] for a, j in near if a == i]) for i in range(5)]
    knn_t = [top([vec[0, i] @ vec[1, j] for i, b in near if b == j]) for j in range(5)]
    for i0, i1, j0, j1 in [(0, 1, 0, 1), (1, 2, 2, 3), (2, 4, 2, 3), (3, 4, 3, 5)]:
        x = emb.encode([scorer.text(0, i0, i1)])[0]
        y = emb.encode([scorer.text(1, j0, j1)])[0]
        margin = 0.5 * (np.mean(knn_s[i0:i1]) + np.mean(knn_t[j0:j1]))
        got = bonus(*(np.array([v]) for v in (i0, i1, j0, j1)))[0]
        assert got == pytest.approx(float(x @ y) - margin)
    # The right bead beats its shifted neighbour.
    right = bonus(np.array([1]), np.array([2]), np.array([1]), np.array([2]))[0]
    shifted = bonus(np.array([1]), np.array([2]), np.array([2]), np.array([3]))[0]
    assert right > shifted + 0.3
