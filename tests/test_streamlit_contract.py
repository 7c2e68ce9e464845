"""What the Swedish document (dashboard/ui/swedish_document.js, .css), the configuration and ui.routing rely on in
the pinned Streamlit. An upgrade that renames an English text, an option or a parameter fails here, before a user
meets English again; then translate the new text and move the pin."""

import inspect
import re
import tomllib
from pathlib import Path

import streamlit
from streamlit import config

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "dashboard" / "ui" / "swedish_document"
STREAMLIT = Path(streamlit.__file__).parent


def streamlit_texts() -> str:
    """Streamlit's own sources: the browser bundle and the Python that sends texts to it."""
    files = [*(STREAMLIT / "static").rglob("*.js"), *STREAMLIT.rglob("*.py")]
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in files)


def translated_texts() -> list[str]:
    """The English texts swedish_document.js translates word for word (its EXACT table)."""
    script = DOCUMENT.with_suffix(".js").read_text(encoding="utf-8")
    table = script[script.index("const EXACT"):script.index("]);")]
    return [re.sub(r'" \+\s*"', "", key) for key in re.findall(r'\["((?:[^"\\]|" \+\s*")*)", "', table)]


def test_every_english_text_the_document_translates_or_hides_is_still_streamlits():
    texts = streamlit_texts()
    hidden = re.findall(r'aria-label\^="([^"]+)"', DOCUMENT.with_suffix(".css").read_text(encoding="utf-8"))
    english = translated_texts()
    assert len(english) > 60 and "Choose an option" in english and len(hidden) == 5
    missing = [text for text in english + hidden if text not in texts]
    assert not missing, f"Streamlit no longer has these texts; find what replaced them: {missing}"


def test_the_configuration_uses_options_streamlit_has():
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    options = {f"{section}.{name}" for section, values in settings.items() for name in values}
    assert options <= set(config.get_config_options()), options - set(config.get_config_options())
    assert settings["client"]["toolbarMode"] == "minimal"   # no English main menu
    assert settings["client"]["showErrorLinks"] is False   # no "Ask Google" beside an error


def test_routing_has_the_parameters_it_uses():
    assert "visibility" in inspect.signature(streamlit.Page).parameters   # the hidden /oversikt page
    assert "query_params" in inspect.signature(streamlit.switch_page).parameters   # it keeps the address's filters
