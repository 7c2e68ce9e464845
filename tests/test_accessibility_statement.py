"""The accessibility statement on Om tjänsten carries what DIGG's model statement asks for."""

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def test_the_statement_says_compliance_gaps_dates_method_feedback_and_where_to_complain():
    app = AppTest.from_file(str(ROOT / "pages" / "om.py"), default_timeout=30)
    app.run()
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    statement = text[text.index("Socialförvaltningen i Stockholms stad står bakom"):]
    assert "Tjänsten är **delvis förenlig** med DOS-lagen och WCAG 2.1 nivå AA" in statement   # följsamhet
    gaps = statement[statement.index("### Innehåll som inte är tillgängligt"):statement.index("### Hur vi testat")]
    assert len(re.findall(r"^- .+\(WCAG [\d., ]+\)", gaps, re.M)) == 3   # each known gap names its criteria
    assert re.search(r"Bedömningen gjordes \d{4}-\d\d-\d\d\. Redogörelsen uppdaterades senast \d{4}-\d\d-\d\d\.",
                     statement)
    assert "axe-core" in statement and "manuellt" in statement   # how it was assessed
    assert "fylls i av förvaltningen" in statement   # the feedback address is a placeholder, and says so
    assert "https://www.digg.se/tdosanmalan" in statement
