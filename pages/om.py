"""Om tjänsten / Tillgänglighet: what the dashboard is, how to read each indicator, the suppression rule,
and the accessibility statement."""

import streamlit as st

from dashboard import indicators, staff
from dashboard.base import formatting
from dashboard.base.settings import staff_threshold, suppression_threshold
from dashboard.ui import blocks, sidebar

filters = sidebar.shared_filters()
blocks.page_header("Om tjänsten", filters)
st.markdown(
    "Beslutsstödet visar hur peer support (Personlig EgenErfaren Resurs) är organiserat och finansierat i "
    "Stockholms stads socialpsykiatri: var peer supportrar är placerade, vilka enheter som har en ensam peer "
    "supporter, hur länge finansieringen räcker och vad enkäter och utvärderingar säger. Uppgifterna kommer från "
    "fem dokument (2019–2020); tjänstens \"nu\" är det senaste datum som data täcker, inte dagens datum.")
st.header("Tid: vad källorna säger om ett datum")
st.markdown(
    "Ett dokument som säger hur det var vid en tidpunkt (\"i juni 2019 hade Farsta peer support\") är en "
    "**observation** vid den tidpunkten. Tjänsten hittar inte på när något började eller slutade. För ett valt "
    "datum visas den senaste uppgiften om en tidpunkt eller period som börjar på eller före datumet, med dess "
    "datum och källa. Uppgifter om tiden efter datumet används aldrig: perioder slutar vid datumet och en enkät "
    "visas först när insamlingen är avslutad.\n\n"
    "- **aktuell / senast känt**: " + formatting.plain(formatting.current_rule()) + ".\n"
    "- **–**: ingen uppgift finns, aldrig noll.\n"
    "- **dokumenterad / härledd / okänd**: står i källan / räknad ur källorna enligt en angiven regel / "
    "publiceras inte.\n"
    "- Ett intervall som 7–8 är källans eget; *minst 1* betyder att källan bara säger att verksamheten hade "
    "peer support.")
st.markdown(
    "**Två frågor om tid.** *Vad gällde på datumet* (Läget per datum) svaras med alla dokument tjänsten har, också "
    "senare dokument som berättar om datumet: att överenskommelsen för 2019 gällde i januari 2019 står i ett "
    "dokument från augusti 2019. *Vad var känt på datumet* (Som det var känt per) räknar bara dokument daterade "
    "t.o.m. det datumet, så som ett underlag skrivet då kunde säga det, och återskapar vad nämnden fick veta. "
    "Utan val gäller allt som är känt. När ett datum är valt står \"som känt per …\" i varje rubrik.")
st.header("Indikatorerna och hur du läser dem")
for indicator in indicators.REGISTRY.values():
    with st.expander(indicator.label):
        st.markdown(indicator.how_to_read)
st.header("Inloggning och roller")
st.markdown(
    "- **läsare** ser alla sidor och laddar ner tabeller och nämndunderlag.\n"
    "- **planerare** kan också spara, byta namn på, ta bort och återställa scenarier.\n"
    "- **förvaltare** kan också importera data, ångra importer och föra in uppföljning av rekommendationer "
    "(som en import), och ser frånvaro och arbetstid per verksamhet.\n\n"
    "Varje ändring sparas med vem som gjorde den och när. Utan konfigurerad inloggning visas tjänsten bara för "
    "läsning, utom i lokalt läge där en användare på den egna datorn får göra allt.")
st.header("Små tal och teckenförklaring")
st.markdown(
    formatting.suppression_rule(suppression_threshold()) + "\n\n" + formatting.plain(staff.rule_text(staff_threshold()))
    + "\n\n" + "\n".join(f"- `{code}` {text}" for code, text in formatting.MISSING_LEGEND.items()))
st.header("Tillgänglighetsredogörelse")
st.markdown(
    "Socialförvaltningen i Stockholms stad står bakom den här tjänsten. Vi vill att så många som möjligt ska kunna "
    "använda den. Här beskriver vi hur tjänsten uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig "
    "service (DOS-lagen), vilka kända brister den har och hur du kan rapportera problem.\n\n"
    "### Hur tillgänglig är tjänsten?\n\nTjänsten är **delvis förenlig** med DOS-lagen och WCAG 2.1 nivå AA, på grund "
    "av bristerna nedan. Det här fungerar:\n\n"
    "- Sidan är märkt som svensk, och menyer, verktygsfält, datumfält och skärmläsartexter är på svenska.\n"
    "- Alla diagram har ett alternativ: fliken *Visa som tabell*. Med valet *Visa tabeller i stället för diagram* "
    "i sidopanelen öppnas tabellerna först på alla sidor. En skärmläsare läser varje diagram som en bild med "
    "diagrammets namn och en hänvisning till tabellen.\n"
    "- Tabeller radbryter långa texter i stället för att klippa dem; en tabell som är för bred för skärmen visas "
    "som en lista där varje uppgift står under sin rubrik.\n"
    "- Sidhuvudet och varje tabell säger vilka filter siffrorna följer och vilka som inte gäller dem.\n"
    "- Text och bildtexter har minst kontrasten 4,5:1 mot bakgrunden.\n"
    "- Färger kommer från en palett som fungerar vid färgblindhet och kompletteras med text eller form.\n"
    "- Tjänsten kan användas med tangentbord och förstoras till 200 %.\n\n"
    "### Innehåll som inte är tillgängligt\n\n"
    "- Diagrammens verktygstips visas bara när muspekaren står på ett värde, och enskilda staplar och punkter nås "
    "inte med skärmläsare (WCAG 1.1.1, 2.1.1). Samma uppgifter finns i tabellen under fliken *Visa som tabell*.\n"
    "- Streamlit, som tjänsten är byggd med, märker sidan som engelsk och har engelska texter i sina komponenter. "
    "Tjänsten byter språk och texter i webbläsaren när sidan har laddats; utan JavaScript, eller ett ögonblick "
    "medan sidan laddas, kan de synas på engelska (WCAG 3.1.1, 3.1.2). I en webbläsare inställd på engelska kan "
    "kalenderns månadsnamn vara engelska tills sidan har ändrats en gång (Streamlit läser webbläsarens språk när "
    "sidan ritas).\n"
    "- Tabeller med fler än 60 rader visas som ett rutnät som ritas i webbläsaren. Det kan sorteras och sökas, "
    "men en skärmläsare når bara raderna som syns och navigeringen skiljer sig från en vanlig tabell (WCAG 1.3.1). "
    "Hela tabellen kan laddas ner som CSV eller Excel.\n\n"
    "### Hur vi testat tjänsten\n\nVi har granskat tjänsten själva. Alla sidor testas automatiskt med axe-core "
    "(reglerna för WCAG 2.1 nivå A och AA, och att rubrikerna kommer i ordning utan att hoppa över en nivå) i "
    "webbläsartesterna, i 1 280 och 390 pixlars bredd, vid varje ändring "
    "av tjänsten. Dessutom har sidorna kontrollerats manuellt i samma bredder: språk, kontrast, radbrytning i "
    "tabeller, tangentbord och skärmläsartexter. Bedömningen gjordes 2026-12-07. Redogörelsen uppdaterades senast "
    "2026-12-07.\n\n"
    "### Rapportera brister eller be om innehåll i annan form\n\nSkriv till "
    "*[e-postadress för tjänstens förvaltning – fylls i av förvaltningen innan tjänsten tas i drift]* eller ring "
    "Stockholms stads växel, 08-508 00 508, och be att få tala med Socialförvaltningens avdelning för "
    "stadsövergripande frågor. Ange sidan och vad som inte fungerar.\n\n"
    "### Tillsyn\n\nMyndigheten för digital förvaltning (Digg) har tillsyn över DOS-lagen. Om du inte är nöjd med "
    "hur vi hanterar dina synpunkter kan du anmäla det till Digg: https://www.digg.se/tdosanmalan")
blocks.page_end(filters)
