"""The README lists every rule the accessibility audit leaves to Streamlit, with its reason."""

from pathlib import Path

from tests.axe_audit import STREAMLIT_OWN

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_streamlit_own_rule_is_explained_in_the_readme():
    section = README[README.index("Rules that cannot pass because of Streamlit itself") :]
    for own in STREAMLIT_OWN:
        assert f"`{own.rule}`" in section, own.rule
        assert own.reason, own.rule
