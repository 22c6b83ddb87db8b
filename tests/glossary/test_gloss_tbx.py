"""TBX v3 and TBX 2 reading; unsafe and broken XML become GlossaryError with line and element."""
from pathlib import Path

import pytest

from pipeline.errors import GlossaryError
from pipeline.glossary import load_glossary

DATA = Path(__file__).parent / "data"

V3_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
           "<text><body>\n")
V3_TAIL = "</body></text></tbx>\n"


def _tbx(tmp_path: Path, body: str, head: str = V3_HEAD, tail: str = V3_TAIL,
         name: str = "g.tbx") -> Path:
    path = tmp_path / name
    path.write_text(head + body + tail, encoding="utf-8")
    return path


def test_tbx_v3_fixture():
    g = load_glossary(DATA / "v3.tbx")
    assert [(t.lang, t.term, t.status) for t in g.terms] == [
        ("en", "peer worker", "preferred"), ("zh", "同伴工作者", "preferred"),
        ("zh", "同行工作人员", "deprecated")]
    assert g.terms[0].part_of_speech == "noun"
    assert g.terms[2].note == "seen in published translations"
    assert g.terms[1].line == 16


def test_tbx2_fixture_with_doctype_tig_and_ntig():
    g = load_glossary(DATA / "v2.tbx")
    assert [(t.concept_id, t.lang, t.term, t.status) for t in g.terms] == [
        ("recovery", "en", "recovery", "preferred"), ("recovery", "ja", "リカバリー", "admitted"),
        ("recovery", "ja", "回復", "deprecated")]


def test_xml_extension_inline_markup_and_missing_status(tmp_path):
    body = ('<conceptEntry id="c1"><langSec xml:lang="ja-JP"><termSec>'
            "<term>ピア<hi>サポ</hi>ート</term></termSec></langSec></conceptEntry>\n")
    g = load_glossary(_tbx(tmp_path, body, name="g.xml"))
    assert (g.terms[0].term, g.terms[0].status, g.terms[0].lang) == ("ピアサポート", "admitted", "ja")


@pytest.mark.parametrize("body,line,element,fragment", [
    (('<conceptEntry><langSec xml:lang="en"><termSec><term>x</term></termSec></langSec>'
      "</conceptEntry>\n"), 3, "conceptEntry #1", "without an id"),
    (('<conceptEntry id="c1">\n<langSec><termSec><term>x</term></termSec></langSec>'
      "</conceptEntry>\n"), 4, "conceptEntry[@id='c1']/langSec", "without xml:lang"),
    (('<conceptEntry id="c1"><langSec xml:lang="fr"><termSec><term>x</term></termSec></langSec>'
      "</conceptEntry>\n"), 3, "conceptEntry[@id='c1']/langSec", "unknown language tag 'fr'"),
    (('<conceptEntry id="c1"><langSec xml:lang="en">\n<termSec><term> </term></termSec>'
      "</langSec></conceptEntry>\n"), 4, "conceptEntry[@id='c1']/langSec/termSec", "empty or missing"),
    (('<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>x</term>\n'
      '<termNote type="administrativeStatus">popularTerm-admn-sts</termNote></termSec>'
      "</langSec></conceptEntry>\n"), 4,
     "conceptEntry[@id='c1']/langSec/termSec/termNote[@type='administrativeStatus']",
     "unknown status"),
])
def test_entry_errors(tmp_path, body, line, element, fragment):
    path = _tbx(tmp_path, body)
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert (err.value.path, err.value.line, err.value.element) == (str(path), line, element)
    assert fragment in err.value.message


def test_not_well_formed_names_line_and_open_element(tmp_path):
    body = ('<conceptEntry id="c1">\n<langSec xml:lang="en">\n<termSec><term>x</term>\n'
            "</langSec></conceptEntry>\n")
    with pytest.raises(GlossaryError, match="not well-formed") as err:
        load_glossary(_tbx(tmp_path, body))
    assert err.value.line == 6  # where </langSec> meets the open <termSec>
    assert err.value.element == "tbx/text/body/conceptEntry/langSec/termSec"


def test_not_tbx_root(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text("<?xml version='1.0'?>\n<tmx/>\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="not a TBX file") as err:
        load_glossary(path)
    assert err.value.line == 2


@pytest.mark.parametrize("doctype", [
    # external entity: would read a local file
    '<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
    # external parameter entity: would fetch a URL
    '<!DOCTYPE tbx [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>\n',
    # billion laughs
    '<!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n',
])
def test_entities_are_refused(tmp_path, doctype):
    head = V3_HEAD.replace("<tbx ", doctype + "<tbx ", 1)
    body = ('<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>x</term></termSec>'
            "</langSec></conceptEntry>\n")
    with pytest.raises(GlossaryError, match="refused for safety") as err:
        load_glossary(_tbx(tmp_path, body, head=head))
    assert err.value.line == 2


def test_tbx2_normative_authorization(tmp_path):
    head = '<?xml version="1.0"?>\n<martif type="TBX"><text><body>\n'
    body = ('<termEntry id="c1"><langSet lang="en"><tig><term>consumer</term>'
            '<termNote type="normativeAuthorization">deprecatedTerm</termNote></tig></langSet>'
            "</termEntry>\n")
    g = load_glossary(_tbx(tmp_path, body, head=head, tail="</body></text></martif>\n"))
    assert g.terms[0].status == "deprecated"
