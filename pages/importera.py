"""Importera: load this year's units, placements, agreements, survey answers and follow-ups from a file."""

import streamlit as st

from dashboard import columns, export
from dashboard.base import formatting
from dashboard.base.access import PermissionDenied
from dashboard.imports import lists as import_lists
from dashboard.imports import run as importer
from dashboard.imports.kinds import KINDS
from dashboard.ui import blocks, cache, identity, import_progress, sidebar

PAGE = "importera"
ACCEPTED = f"{PAGE}__accepted"   # imports accepted in this session: part of the uploader's key, so each one clears it
CONFIRMED = f"{PAGE}__changes_confirmed"
CHANGED_CELL = "background-color: #fff3bf"   # a changed cell also reads 'before → after': the colour is not the sign
MARKED_ROWS = 2_000


def confirm(result: importer.Preview, stated) -> None:
    """Run as the button's callback, before the next run and outside its pinned database version, so the file
    is validated again against the data as it is now. The actor is read here, not taken from the page."""
    try:
        with import_progress.steps("Import pågår", f"{PAGE}-progress") as step:
            number = importer.apply(result, identity.current(), as_of=stated,
                                    confirmed=st.session_state.get(CONFIRMED, False), progress=step)
        outcome = ("success", f"Import {number} klar: {result.file_name}, {_counted(result)}. Alla sidor visar nu de "
                              "nya uppgifterna. Sidan är klar för nästa fil.")
        st.session_state[ACCEPTED] = st.session_state.get(ACCEPTED, 0) + 1
        st.session_state.pop(CONFIRMED, None)
    except importer.ConfirmationNeeded:
        outcome = ("error", "Importen skrevs inte: den ändrar dokumenterade uppgifter. Kryssa i att ändringarna är "
                            "avsedda och bekräfta igen.")
    except importer.ImportRejected as error:
        outcome = ("error", f"Importen avvisades; databasen är oförändrad. {error}")
    except (importer.ImportFailed, importer.Busy, importer.DateOutOfRange, PermissionDenied) as error:
        outcome = ("error", str(error))
    st.session_state[f"{PAGE}__outcome"] = [outcome]


def undo(number: int) -> tuple[str, str]:
    try:
        with import_progress.steps(f"Ångrar import {number}", f"{PAGE}-progress") as step:
            importer.undo(number, identity.current(), progress=step)
        return "success", f"Import {number} är ångrad. Den finns kvar i loggen; alla sidor visar data utan den."
    except (importer.UndoRefused, importer.ImportFailed, importer.Busy, PermissionDenied) as error:
        return "error", str(error)


def _counted(result: importer.Preview) -> str:
    return ", ".join(f"{v} {k}" for k, v in result.counts().items())


def valid_values(kind: str) -> None:
    """The lists of ids and values a file of `kind` may use: the Excel template's extra sheets, here for a CSV."""
    with st.expander("Giltiga id och värden för filen (samma listor som i Excel-mallen)"):
        for id_list, frame in import_lists.lists_for(kind):
            st.markdown(f"**{id_list.name}**")
            st.caption(id_list.note)
            st.dataframe(frame.map(formatting.cell), hide_index=True, width="stretch")
        allowed = import_lists.choices(kind)
        if not allowed.empty:
            st.markdown(f"**{import_lists.CHOICES}**")
            st.dataframe(allowed, hide_index=True, width="stretch")


def problem_table(problems: list) -> None:
    """Problems or confirmations, each message whole: beside the row number, in a column narrow enough for a
    phone (280 px of 390), rows tall enough for the longest message to wrap rather than be cut; the file's name
    last, as every row has the same."""
    frame = importer.problem_frame(problems)
    lines = min(-(-int(frame["Uppgift"].str.len().max()) // 40), 10)
    st.dataframe(frame, hide_index=True, width="stretch", row_height=16 + 20 * lines,
                 column_order=("Rad", "Uppgift", "Kolumn", "Fil"),
                 column_config={"Rad": st.column_config.NumberColumn(width="small"),
                                "Uppgift": st.column_config.TextColumn(width=280)})


def show_values(result: importer.Preview) -> None:
    """What each row will write; a changed cell reads 'before → after' and, in a file of up to `MARKED_ROWS`
    rows, is marked with a colour too (styling 20 000 rows took two seconds per page run)."""
    st.success(f"Förhandsgranskning: {_counted(result)}. Så här skrivs raderna:")
    shown = result.actions
    if result.changed.to_numpy().any():
        st.caption("En ändrad cell visas som 'nuvarande → nytt'. '–' betyder att värdet lämnas tomt.")
        if len(shown) <= MARKED_ROWS:
            marks = result.changed.map(lambda changed: CHANGED_CELL if changed else "")
            shown = shown.style.apply(lambda _: marks, axis=None)
    st.dataframe(shown, hide_index=True, width="stretch")


filters = sidebar.shared_filters()
blocks.page_header("Importera data", filters,
                   "Ladda upp en CSV- eller Excel-fil med svenska rubriker. Allt kontrolleras innan något skrivs; en "
                   "fil med fel ändrar ingenting. Börja gärna från mallen.")
actor = identity.current()
if not actor.may("import"):
    blocks.notice("info", "Att importera och ångra importer kräver rollen förvaltare. Du kan läsa importloggen.")
kind = sidebar.page_choice(PAGE, "kind", "Vad vill du importera?", list(KINDS), "placements",
                           format_func=lambda k: KINDS[k].label)
left, right = st.columns(2)
# The templates are made when a button is clicked, with the lists as the data stand then.
left.download_button("Mall (.xlsx) med listor över giltiga id", lambda: importer.template(kind, "xlsx"),
                     f"mall_{kind}.xlsx", key=f"{PAGE}__tmpl_xlsx", on_click="ignore")
right.download_button("Mall (CSV för Excel)", lambda: importer.template(kind, "csv"), f"mall_{kind}.csv", "text/csv",
                      key=f"{PAGE}__tmpl_csv", on_click="ignore")
st.caption("En CSV-fil rymmer bara en tabell: listorna över giltiga id och värden står i Excel-mallens övriga blad "
           "och här nedan.")
valid_values(kind)
uploader = f"{PAGE}__file_{st.session_state.get(ACCEPTED, 0)}"   # a new, empty one after each accepted import
upload = st.file_uploader("Fil att importera", type=["csv", "xlsx"], key=uploader) if actor.may("import") else None
if upload is not None:
    result = importer.preview(kind, upload.name, upload.getvalue())
    if result.detected:
        st.caption(formatting.plain("Upptäckt: " + "; ".join(f"{k}: {v}" for k, v in result.detected.items())))
    if not result.ok:
        st.error(f"Filen avvisades: {len(result.problems)} fel. Databasen är oförändrad.")
        problem_table(result.problems)
    else:
        show_values(result)
        if result.confirmations:
            st.warning("Filen ändrar uppgifter som källorna dokumenterar. Läs ändringarna och bekräfta dem innan "
                       "du importerar.")
            problem_table(result.confirmations)
            st.checkbox("Ändringarna av dokumenterade uppgifter är avsedda", key=CONFIRMED)
        dates = cache.filter_options().dates
        first, last = dates.statement_bounds()
        stated = st.date_input("Uppgifterna gäller per", value=min(max(dates.as_of, first), last), min_value=first,
                               max_value=last, key=f"{PAGE}__as_of", format="YYYY-MM-DD",
                               help="Senast i dag. Rader med senare datum visas som planer. Ett senare datum än "
                                    "datans flyttar instrumentpanelens 'nu' dit.")
        st.button("Bekräfta import", type="primary", key=f"{PAGE}__confirm", on_click=confirm, args=(result, stated))
for level, text in st.session_state.pop(f"{PAGE}__outcome", []):
    blocks.notice(level, text)
st.header("Importlogg")
log = importer.log()
if log.empty:
    st.info("Inga importer ännu.")
else:
    st.dataframe(columns.display_frame(log), hide_index=True, width="stretch")
    st.download_button("Logg (CSV för Excel)", export.csv_excel_sv(columns.export_frame(log)), "importlogg.csv", "text/csv",
                       key=f"{PAGE}__log", on_click="ignore")
    active = log.loc[log["undone_at"].isna(), "import_id"].tolist()
    if active and actor.may("undo_import"):
        number = st.selectbox("Import att ångra", active, key=f"{PAGE}__undo_id", format_func=lambda n: f"Import {n}")
        blocks.asks_first(f"{PAGE}__undo", "Ångra import", f"Ångra import {number}? Raderna tas bort ur alla sidor; "
                          "importen står kvar i loggen som ångrad.", undo, (number,))
blocks.outcome(f"{PAGE}__undo")
blocks.page_end(filters)
