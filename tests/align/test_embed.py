"""The optional neural scorer, on a tiny random BERT built in a temporary directory."""
from __future__ import annotations

import builtins

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
