// Swedish to the last menu: the document's language, and the English that Streamlit 1.67 and the libraries it
// bundles put on the page with no parameter to change it (menus, toolbars, date fields, screen-reader labels),
// translated where it appears, in text and in the attributes a screen reader reads. Runs once per browser tab
// (st.html from the entrypoint on every run; a second run only translates again).
(() => {
  if (window.peerSwedish) { window.peerSwedish.translate(document.body); return; }

  // Whole texts, trimmed. A text or label not listed here and matching no pattern below is left alone.
  const EXACT = new Map([
    // page frame, sidebar, headings, dialogs
    ["Skip to main content", "Hoppa till huvudinnehållet"], ["Main menu", "Huvudmeny"], ["Sidebar", "Sidopanel"],
    ["Collapse sidebar", "Dölj sidopanelen"], ["Expand sidebar", "Visa sidopanelen"], ["App pages", "Sidor"],
    ["Link to heading", "Länk till rubriken"], ["Close", "Stäng"], ["Page not found", "Sidan finns inte"],
    ["The page that you have requested does not seem to exist. Running the app's main page.",
     "Adressen finns inte i tjänsten. Översikt visas i stället."],
    ["Scroll tabs left", "Rulla flikarna åt vänster"], ["Scroll tabs right", "Rulla flikarna åt höger"],
    ["Running...", "Arbetar …"], ["Stop", "Avbryt"], ["Stopping...", "Avbryter …"], ["Connecting", "Ansluter"],
    ["Please wait...", "Vänta …"], ["Connection error", "Ingen kontakt med tjänsten"], ["Retry", "Försök igen"],
    ["Try again", "Försök igen"], ["Dismiss", "Stäng"], ["Copy", "Kopiera"], ["Copied", "Kopierat"],
    ["Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:",
     "Tjänsten svarar inte just nu. Ladda om sidan om en stund; hjälper inte det, kontakta förvaltningen."],
    ["This app has encountered an error. The original error message is redacted to prevent data leaks. Full error " +
     "details have been recorded in the logs (if you're on Streamlit Cloud, click on 'Manage app' in the lower " +
     "right of your app).",
     "Något gick fel på sidan. Felet har skrivits i tjänstens logg; försök igen, och kontakta förvaltningen om " +
     "det händer igen."],
    // the element toolbar on charts and tables, and a table's search and column menu
    ["Fullscreen", "Helskärm"], ["Close fullscreen", "Stäng helskärm"], ["Search", "Sök"],
    ["Show/hide columns", "Visa eller dölj kolumner"], ["Type to search", "Skriv för att söka"],
    ["Close Search", "Stäng sökningen"], ["Next Result", "Nästa träff"], ["Previous Result", "Föregående träff"],
    ["Sort ascending", "Sortera stigande"], ["Sort descending", "Sortera fallande"], ["Pin column", "Fäst kolumnen"],
    ["Unpin column", "Lossa kolumnen"], ["Hide column", "Dölj kolumnen"], ["Autosize", "Anpassa bredden"],
    ["Copy column name", "Kopiera kolumnnamnet"], ["Dataframe column menu", "Kolumnmeny"], ["Loading...", "Läser in …"],
    ["No data", "Inga uppgifter"], ["Clear selection", "Rensa markeringen"], ["Statistics", "Statistik"],
    ["Values", "Värden"], ["Distinct", "Unika"], ["Average", "Medelvärde"], ["Standard deviation", "Standardavvikelse"],
    ["Minimum", "Minsta"], ["Maximum", "Största"], ["25th percentile", "25:e percentilen"],
    ["75th percentile", "75:e percentilen"], ["Sum", "Summa"], ["Range", "Spann"], ["Minimum length", "Kortast"],
    ["Maximum length", "Längst"], ["Average length", "Medellängd"], ["Based on sample", "Räknat på ett urval"],
    // selects, multiselects, number and text inputs
    ["Choose an option", "Välj"], ["Choose options", "Välj"], ["Choose option", "Välj"], ["Open", "Öppna"],
    ["Clear value", "Rensa"], ["Clear all", "Rensa alla"], ["Selected values", "Valda"], ["Select all", "Välj alla"],
    ["No results", "Inga träffar"], ["No options to select", "Inget att välja"], ["No options to select.", "Inget att välja"],
    ["Selectbox options", "Alternativ"], ["Multiselect options", "Alternativ"], ["Increment", "Öka"],
    ["Decrement", "Minska"],
    // date inputs (react-aria, forced to en-US by Streamlit) and their calendar
    ["Choose date", "Välj datum"], ["Choose date range", "Välj period"], ["Clear date", "Rensa datumet"],
    ["Clear dates", "Rensa datumen"], ["Previous month", "Föregående månad"], ["Next month", "Nästa månad"],
    ["Use arrow keys to navigate dates. Enter to select. Escape to close.",
     "Piltangenterna flyttar mellan dagar, Enter väljer, Escape stänger."],
    ["Empty", "Tomt"], ["yyyy", "åååå"],
    // the file uploader
    ["Drag and drop a file here", "Släpp filen här"], ["Drag and drop files here", "Släpp filerna här"],
    ["Upload", "Ladda upp"], ["file upload", "Filuppladdning"],
    ["Delete", "Ta bort"], ["Remove file", "Ta bort filen"],
  ]);
  const SEGMENTS = {year: "år", month: "månad", day: "dag"};
  const MONTHS = {January: "januari", February: "februari", March: "mars", April: "april", May: "maj", June: "juni",
                  July: "juli", August: "augusti", September: "september", October: "oktober",
                  November: "november", December: "december"};
  const PATTERNS = [
    [/^(?:Limit )?(\S+) per file(.*)$/, "Högst $1 per fil$2"],
    [/^Press Enter to apply$/, "Tryck Enter för att använda"],
    [/^Press Enter to submit form$/, "Tryck Enter för att skicka formuläret"],
    [/^Press (Ctrl|⌘)\+Enter to (apply|submit form)$/,
     (_, key, what) => `Tryck ${key}+Enter för att ${what === "apply" ? "använda" : "skicka formuläret"}`],
    [/^(year|month|day), (.+)$/, (_, segment, label) => `${SEGMENTS[segment]}, ${label}`],
    [/^(\d\d) – ([A-Z][a-z]+)$/, (whole, number, month) => MONTHS[month] ? `${number} – ${MONTHS[month]}` : whole],
    [/^Choose date, (.+)$/, "Välj datum, $1"],
    // a select's announcement to screen readers as its list opens (heard only on a slow machine before)
    [/^(\d+) options? available\.?$/, "$1 alternativ att välja bland."],
    [/^Help for (.+)$/, "Hjälp om $1"],
    [/^Remove (.+)$/, "Ta bort $1"],
    [/^(Fullscreen|Close fullscreen|Search|Show\/hide columns): (.+)$/, (_, action, what) => `${EXACT.get(action)}: ${what}`],
  ];
  const ATTRIBUTES = ["aria-label", "placeholder", "title", "aria-valuetext", "aria-description", "alt"];

  function swedish(text) {
    const trimmed = text.trim();
    if (!trimmed) return null;
    if (EXACT.has(trimmed)) return EXACT.get(trimmed);
    for (const [pattern, replacement] of PATTERNS) {
      if (pattern.test(trimmed)) return trimmed.replace(pattern, replacement);
    }
    return null;
  }

  function translateText(node) {
    const translated = swedish(node.nodeValue);
    if (translated !== null && translated !== node.nodeValue) node.nodeValue = translated;
  }

  function translateAttributes(element) {
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      const translated = value && swedish(value);
      if (translated && translated !== value) element.setAttribute(name, translated);
    }
  }

  // Vega charts: Vega's own screen-reader texts are English and name raw fields ("X-axis titled ... for a linear
  // scale", "share: 0,2"). Every chart here has its table under the tab "Visa som tabell", so a screen reader gets
  // the chart as one image whose name says so, and not the marks inside it.
  function describeChart(container) {
    const svg = container.querySelector(":scope > svg, :scope > canvas");
    const title = container.querySelector(".role-title-text text");
    const name = (title ? `Diagram: ${title.textContent.trim()}` : "Diagram") +
      ". Samma uppgifter finns som tabell under fliken Visa som tabell.";
    if (container.getAttribute("role") !== "img") container.setAttribute("role", "img");
    if (container.hasAttribute("aria-roledescription")) container.removeAttribute("aria-roledescription");
    if (container.getAttribute("aria-label") !== name) container.setAttribute("aria-label", name);
    if (svg && svg.getAttribute("aria-hidden") !== "true") svg.setAttribute("aria-hidden", "true");
  }

  function translate(root) {
    if (root.nodeType === Node.TEXT_NODE) { translateText(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    translateAttributes(root);
    for (const element of root.querySelectorAll("*")) translateAttributes(element);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) translateText(node);
    if (root.matches(".vega-embed")) describeChart(root);
    root.querySelectorAll(".vega-embed").forEach(describeChart);
  }

  function onChange(records) {
    if (document.documentElement.lang !== "sv") document.documentElement.lang = "sv";
    const charts = new Set();   // a chart redraws hundreds of marks at once: each chart is described once
    for (const record of records) {
      const target = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
      const chart = target && target.closest(".vega-embed");
      if (chart) charts.add(chart);
      else if (record.type === "childList") record.addedNodes.forEach(translate);
      else if (record.type === "characterData") translateText(record.target);
      else translateAttributes(record.target);
    }
    charts.forEach(describeChart);
  }

  // The calendar and other parts that follow the browser's language (month and day names) are Swedish whatever
  // the reader's browser is set to; react-aria listens for the change.
  for (const [name, value] of [["language", "sv-SE"], ["languages", ["sv-SE", "sv"]]]) {
    try { Object.defineProperty(Navigator.prototype, name, {get: () => value, configurable: true}); } catch (e) {}
  }
  window.dispatchEvent(new Event("languagechange"));
  // again once the widgets drawn in the same render have subscribed: one that subscribed after the first event
  // kept the browser's month names (seen on a loaded machine)
  for (const delay of [200, 1000, 3000]) setTimeout(() => window.dispatchEvent(new Event("languagechange")), delay);
  document.documentElement.lang = "sv";
  translate(document.body);
  new MutationObserver(onChange).observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: [...ATTRIBUTES, "aria-roledescription", "role"],
  });
  window.peerSwedish = {translate, swedish};
})();
