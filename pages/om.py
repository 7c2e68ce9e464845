"""Om tjänsten / Tillgänglighet: what the dashboard is, how to read each indicator, the suppression rule,
and the accessibility statement."""

import streamlit as st

from dashboard import formatting, indicators
from dashboard.settings import suppression_threshold
from dashboard.ui import blocks, sidebar

filters = sidebar.shared_filters()
blocks.page_header("Om tjänsten", filters)
st.markdown(
    "Beslutsstödet visar hur peer support (Personlig EgenErfaren Resurs) är organiserat och finansierat i "
    "Stockholms stads socialpsykiatri: var peer supportrar är placerade, vilka enheter som har en ensam peer "
    "supporter, hur länge finansieringen räcker och vad enkäter och utvärderingar säger. Uppgifterna kommer från "
    "fem dokument (2019–2020); tjänstens \"nu\" är det senaste datum som data täcker, inte dagens datum.")
st.subheader("Tid: vad källorna säger om ett datum")
st.markdown(
    "Ett dokument som säger hur det var vid en tidpunkt (\"i juni 2019 hade Farsta peer support\") är en "
    "**observation** vid den tidpunkten. Tjänsten hittar inte på när något började eller slutade. För ett valt "
    "datum visas den senaste uppgiften om en tidpunkt eller period som börjar på eller före datumet, med dess "
    "datum och källa. Uppgifter om tiden efter datumet används aldrig: perioder slutar vid datumet och en enkät "
    "visas först när insamlingen är avslutad.\n\n"
    "- **aktuell**: uppgiften gäller datumet eller är högst ett halvår gammal.\n"
    "- **senast känt**: uppgiften är äldre; det är senaste kända läge, inte läget på datumet.\n"
    "- **–**: ingen uppgift finns, aldrig noll.\n"
    "- **dokumenterad / härledd / okänd**: står i källan / räknad ur källorna enligt en angiven regel / "
    "publiceras inte.\n"
    "- Ett intervall som 7–8 är källans eget; *minst 1* betyder att källan bara säger att verksamheten hade "
    "peer support.")
st.subheader("Indikatorerna och hur du läser dem")
for indicator in indicators.REGISTRY.values():
    with st.expander(f"{indicator.label} ({indicator.name})"):
        st.markdown(indicator.how_to_read)
st.subheader("Inloggning och roller")
st.markdown(
    "- **läsare** ser alla sidor och laddar ner tabeller och nämndunderlag.\n"
    "- **planerare** kan också spara, byta namn på, ta bort och återställa scenarier.\n"
    "- **förvaltare** kan också importera data, ångra importer och föra in uppföljning av rekommendationer "
    "(som en import).\n\n"
    "Varje ändring sparas med vem som gjorde den och när. Utan konfigurerad inloggning visas tjänsten bara för "
    "läsning, utom i lokalt läge där en användare på den egna datorn får göra allt.")
st.subheader("Små tal och teckenförklaring")
st.markdown(
    formatting.suppression_rule(suppression_threshold()) + "\n\n"
    + "\n".join(f"- `{code}` {text}" for code, text in formatting.MISSING_LEGEND.items()))
st.subheader("Tillgänglighetsredogörelse")
st.markdown(
    "Socialförvaltningen står bakom den här tjänsten och vill att så många som möjligt ska kunna använda den. "
    "Tjänsten ska uppfylla lagen om tillgänglighet till digital offentlig service (DOS-lagen) och WCAG 2.1 nivå AA.\n\n"
    "- Sidan är märkt som svensk (`lang=\"sv\"`), så skärmläsare läser den med svensk röst.\n"
    "- Alla diagram har ett alternativ: fliken *Visa som tabell*, och varje tabell kan laddas ner. Med valet "
    "*Visa tabeller i stället för diagram* i sidopanelen öppnas tabellerna först på alla sidor. Nyckeltalen "
    "på Översikt öppnas till raderna de räknats fram ur, med grund och källa.\n"
    "- Sidhuvudet och varje tabell säger vilka filter siffrorna följer och vilka som inte gäller dem.\n"
    "- Text och bildtexter har minst kontrasten 4,5:1 mot bakgrunden.\n"
    "- Färger kommer från en palett som fungerar vid färgblindhet och kompletteras alltid med text eller form.\n"
    "- Tjänsten kan användas med tangentbord och förstoras till 200 %.\n\n"
    "**Kända brister:** diagrammens interaktiva verktygstips nås inte med skärmläsare; använd tabellen. Några "
    "texter som Streamlit själv lägger i sina komponenter (till exempel filuppladdningen) översätts i webbläsaren "
    "när sidan laddats och kan kort synas på engelska.\n\n"
    "**Rapportera brister:** kontakta Socialförvaltningen, avdelningen för stadsövergripande frågor, via stadens "
    "växel 08-508 00 508, och ange sidan och vad som inte fungerar. Om du inte är nöjd med hur vi hanterar "
    "ditt ärende kan du kontakta Myndigheten för digital förvaltning (Digg).\n\n"
    "Redogörelsen uppdaterades senast när tjänsten driftsattes.")
blocks.page_end(filters)
