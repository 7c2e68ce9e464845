"""Page one of the pack, in the tjänsteutlåtandes' order (000, 002): Förvaltningens förslag till beslut as the
förvaltning wrote it, then the Sammanfattning: the question, the funding and what follows it, the cost today,
when a decision is needed and for which nämnd meeting (every assumption marked), and where the supporters work
(no Streamlit)."""

from datetime import date, timedelta

import pandas as pd

from dashboard import counts
from dashboard.base import formatting as fmt
from dashboard.brief.doc import Heading, Para
from dashboard.brief.facts import Facts
from dashboard.brief.wording import ASSUMPTION, OWN_TEXT, amount, day, join, words

PROPOSALS_ON_PAGE_ONE = 2   # the latest document's last two: the summary stays one page
PREPARATION_WEEKS = 4   # an assumption, marked as one wherever it is used: the sources give no preparation time
NOT_WRITTEN = "Förvaltningens förslag: ej ifyllt"


def proposal_blocks(proposal, unreadable: str = "") -> list:
    """The proposal exactly as written (plain text, its lines kept) with who wrote it and when; 'ej ifyllt' when
    none is written, and that it could not be read when the user store cannot be reached. The software never
    writes one."""
    head = Heading("Förvaltningens förslag till beslut", 2)
    if unreadable:
        return [head, Para(f"Förvaltningens förslag kunde inte läsas: {unreadable}. Skapa underlaget igen när "
                           "förbindelsen är tillbaka.", kind="notice")]
    if proposal is None:
        return [head, Para(NOT_WRITTEN),
                Para("Förslaget skrivs av förvaltningen på sidan Nämndunderlag; tjänsten skriver aldrig ett förslag.",
                     kind="note")]
    return [head, Para(kind="quote", lines=tuple(proposal.text.split("\n"))),
            Para(f"{OWN_TEXT}, återgiven som den skrevs: version {proposal.version}, sparad "
                 f"{fmt.minute(proposal.saved_at)} av {fmt.actor_shown(proposal.who)}.", kind="note")]


def summary_blocks(facts: Facts, meeting: date | None, today: date) -> list:
    until = facts.funding.secured_until
    question = (f"Ska socialnämnden finansiera peer support efter {until.isoformat()}, och i så fall hur länge och i "
                "vilken omfattning?" if until else
                "Ska socialnämnden finansiera peer support, och i så fall hur länge och i vilken omfattning?")
    return [Heading("Sammanfattning", 2), *data_age(facts.as_of, today, facts.known_on), Para(question, "Frågan."), funding(facts),
            cost_today(facts), *deadline(facts), *meeting_blocks(facts, meeting), where(facts),
            *earlier_proposals(facts)]


FAR_APART_DAYS = 92   # a quarter: further apart, the dates line alone lets "dagar kvar" read as from today


def data_age(as_of: date, today: date, known_on: date | None = None) -> list[Para]:
    """'Siffrorna beskriver läget per 2020-06-11 …; underlaget skapades 2026-12-07, sex år senare.' With a
    known-on date, the clock the whole pack reads."""
    known = ([Para(f"Underlaget visar vad som gällde {as_of.isoformat()} så som källorna daterade t.o.m. "
                   f"{known_on.isoformat()} angav det: uppgifter från senare dokument är inte med.",
                   "Som känt per " + known_on.isoformat() + ".", kind="notice")] if known_on else [])
    days = (today - as_of).days
    if days <= FAR_APART_DAYS:
        return known
    years = days // 365
    apart = f"{words(years)} år" if years else f"{words(days // 30)} månader"
    return [*known, Para(f"Siffrorna beskriver läget per {as_of.isoformat()} så som källorna anger det; underlaget "
                         f"skapades {today.isoformat()}, {apart} senare. Dagar kvar och sista dag för beslut räknas "
                         f"från {as_of.isoformat()}, inte från i dag.", "Observera datumen.", kind="notice")]


def _covering(facts: Facts) -> pd.Series | None:
    """The decided agreement that ends when the funding does."""
    until = facts.funding.secured_until
    decided = facts.agreements[facts.agreements["decided_by_as_of"]]
    ending = decided[decided["period_end"].map(day) == (until.isoformat() if until else "")]
    return ending.iloc[-1] if not ending.empty else None


def _agreement(row) -> str:
    """'överenskommelsen om tidsbegränsat bidrag för 2020 (dnr 1.5.1–858/2019)'."""
    start, end = pd.Timestamp(row.period_start).year, pd.Timestamp(row.period_end).year
    years = str(start) if start == end else f"{start}–{end}"
    dnr = f" (dnr {row.agreement})" if isinstance(row.agreement, str) else ""
    return f"{row.funding_kind} för {years}{dnr}"


def funding(facts: Facts) -> Para:
    """Until when the funding is decided, by which agreement, and that nothing after it is decided."""
    as_of, row, until = facts.as_of.isoformat(), _covering(facts), facts.funding.secured_until
    stated = facts.statements_of_funding
    stated = stated[stated["decided_until"].map(day) == until.isoformat()] if until else stated.iloc[0:0]
    if row is not None:
        text = (f"Säkrad t.o.m. {day(row.period_end)}: {_agreement(row)} gäller {day(row.period_start)}–"
                f"{day(row.period_end)} {facts.cite(row.sources)}.")
    elif not stated.empty:   # a document's own statement, not a published agreement (004, December 2019)
        text = (f"Säkrad t.o.m. {until.isoformat()} enligt {stated.iloc[0]['source_id']}: "
                f"'{stated.iloc[0]['text']}' {facts.cite(stated.iloc[0]['source_id'])}; ingen publicerad "
                "överenskommelse slutar den dagen.")
    else:   # unknown, not absent: the sources end, or say nothing of the date
        return Para(f"Ingen känd beslutad finansiering täcker {as_of}: källorna anger ingen för datumet. Det "
                    "betyder inte att finansiering saknas, bara att ingen källa anger den.", "Finansiering.")
    if facts.funding.next_period_decided:
        return Para(text + " Även nästa period är beslutad.", "Finansiering.")
    return Para(text + f" Något beslut om tiden därefter finns inte i källorna per {as_of}; utan ett nytt beslut "
                       "upphör bidraget när perioden slutar.", "Finansiering.")


def cost_today(facts: Facts) -> Para:
    """'3,5 mnkr per år: … för 2019 (…) och … för 2020 (…)': the last two decided agreements with an amount."""
    decided = facts.agreements[facts.agreements["decided_by_as_of"] & facts.agreements["amount_sek"].notna()]
    if decided.empty:
        return Para(f"Inget belopp för en beslutad period finns i källorna per {facts.as_of.isoformat()}.",
                    "Kostnad i dag.")
    last = decided.sort_values("period_start").tail(2)
    parts = [f"{_agreement(row)} {facts.cite(row.sources)}" for row in last.itertuples()]
    amounts = set(last["amount_sek"])
    if len(amounts) == 1:
        return Para(f"{amount(amounts.pop())} per år enligt {join(parts)}.", "Kostnad i dag.")
    each = [f"{amount(row.amount_sek)} enligt {part}" for row, part in zip(last.itertuples(), parts)]
    return Para(f"{join(each)}.", "Kostnad i dag.")


def deadline(facts: Facts) -> list[Para]:
    """By when a decision gives the notice, and the notice marked as the assumption it is."""
    decision = facts.funding
    if decision.next_period_decided:
        return []
    if decision.decide_by is None:
        return [Para("Kan inte räknas ut: ingen känd beslutad finansiering täcker datumet, så slutet som "
                     "framförhållningen räknas från är okänt.", "Beslut behövs.")]
    passed = f" Den dagen har passerat per {facts.as_of.isoformat()}." if decision.overdue else ""
    notice = words(decision.notice_months)
    return [Para(f"Senast {decision.decide_by.isoformat()}, för {notice} månaders framförhållning före "
                 f"{decision.secured_until.isoformat()}.{passed}", "Beslut behövs."),
            Para(f"{notice} månaders framförhållning. Källorna anger ingen uppsägningstid eller framförhållning i "
                 "månader, bara att ettårig finansiering ger kortsiktighet och osäkra anställningar och att bättre "
                 f"framförhållning behövs {facts.cite('S001, S002')}.", f"{ASSUMPTION}:", kind="assumption")]


def meeting_blocks(facts: Facts, meeting: date | None) -> list[Para]:
    """The nämnd meeting the pack is for, against the deadline, and the preparation before it (an assumption)."""
    decide_by = None if facts.funding.next_period_decided else facts.funding.decide_by
    if meeting is None:
        text = "Ej angivet. Socialnämndens sammanträdesplan finns inte i källorna"
        return [Para(text + (f"; ett sammanträde senast {decide_by.isoformat()} hinner före den dagen." if decide_by
                             else "."), "Sammanträde.")]
    text = f"Underlaget är för socialnämndens sammanträde {meeting.isoformat()}"
    if decide_by and meeting <= decide_by:
        text += f", {fmt.number((decide_by - meeting).days)} dagar före {decide_by.isoformat()}."
    elif decide_by:
        text += (f", efter {decide_by.isoformat()}: med {words(facts.funding.notice_months)} månaders "
                 "framförhållning kommer ett beslut då för sent.")
    else:
        text += "."
    ready = meeting - timedelta(weeks=PREPARATION_WEEKS)
    return [Para(text, "Sammanträde."),
            Para(f"{words(PREPARATION_WEEKS)} veckors beredning, så att tjänsteutlåtandet är klart senast "
                 f"{ready.isoformat()}. Ärendet bereds i förvaltningsgruppen och rådet för funktionshinderfrågor "
                 f"före nämnden {facts.cite('S002, S000')}; hur lång tid det tar anges inte.", f"{ASSUMPTION}:",
                 kind="assumption")]


def where(facts: Facts) -> Para:
    """How many are employed and where they work, as of when, in one sentence: the documents' own counts with
    their sources, the gender count of the same sentence where it disagrees, and never a count without its time."""
    rows = facts.headcount.set_index("measure")
    staff, units, districts = rows.loc["supporters"], rows.loc["units"], rows.loc["districts"]
    if fmt.is_missing(staff["low"]):
        return Para("Antalet anställda peer supportrar anges inte i källorna per "
                    f"{facts.as_of.isoformat()}.", "Var peer supportrarna arbetar.")
    text = (f"Källorna anger {_count(staff)} {fmt.stated(staff['stated_as'])} {_when(staff)} "
            f"{facts.cite(staff['sources'])}"
            f"{_gender_conflict(facts, staff)}")
    if fmt.is_missing(units["low"]):
        return Para(text + "; var de arbetar anges inte.", "Var peer supportrarna arbetar.")
    place = (f"{_count(units)} verksamheter {_when(units)} {facts.cite(units['sources'])}"
             + (f", i {_count(districts)} stadsdelar {_when(districts)}{_names(facts, districts)} "
                f"{facts.cite(districts['sources'])}" if not fmt.is_missing(districts["low"]) else ""))
    if counts.LAST_KNOWN in (units["status"], staff["status"]) or units["observed_on"] != staff["observed_on"]:
        return Para(f"{text}; var de arbetar {_when(staff)} anges inte, senast kända uppgift är {place}.",
                    "Var peer supportrarna arbetar.")
    return Para(f"{text}, i {place}.", "Var peer supportrarna arbetar.")


def _count(row) -> str:
    low, high = row["low"], row["high"]
    return words(low) if not fmt.is_missing(high) and low == high else fmt.count_range(low, high)


def _when(row) -> str:
    """'i juni 2020', 'vid tiden för utvärderingen (rapport juni 2019)'."""
    refers = str(row["refers_to"])
    return refers if refers.startswith(("vid ", "under ", "i ")) else f"i {refers}"


def _names(facts: Facts, districts) -> str:
    """': Farsta, Östermalm och Södermalm' where the units known on the count's date name exactly that many."""
    if fmt.is_missing(districts["observed_on"]) or facts.units_then is None:
        return ""
    named = counts.named_districts(facts.units_then)
    return f": {join(named)}" if len(named) == districts["low"] == districts["high"] else ""


def _gender_conflict(facts: Facts, staff) -> str:
    """', men samma källa anger tre män och sex kvinnor, alltså nio (…)' where the same source's gender count
    does not add up to its head count."""
    same = facts.gender[(facts.gender["source"] == staff["sources"]) & ~facts.gender["consistent"].fillna(True)]
    if same.empty:
        return ""
    by = dict(zip(same["gender"], same["supporters"]))
    total = int(same["supporters"].sum())
    parts = [f"{words(by[g])} {name}" for g, name in (("man", "män"), ("kvinna", "kvinnor")) if g in by]
    return (f", men samma mening anger {join(parts)}, alltså {words(total)}: källorna är oense (se Motstridiga "
            "uppgifter i bilagan)")


def earlier_proposals(facts: Facts) -> list[Para]:
    """What the förvaltning itself proposed most recently and the latest evaluation's recommendation on funding,
    each with its follow-up status: in their sources' words."""
    plans = facts.statement("inriktning")
    plans = plans[plans["is_plan"]]
    latest = plans[plans["sources"] == plans.iloc[-1]["sources"]].tail(PROPOSALS_ON_PAGE_ONE) if not plans.empty \
        else plans
    more = " Fler förslag och uppdrag står under Bakgrund." if len(plans) > len(latest) else ""
    blocks = [Para(" ".join(f"{row.text}" for row in latest.itertuples()) + f" {facts.cite(latest.iloc[0].sources)}"
                   + more, "Förvaltningens tidigare förslag.")] if not latest.empty else []
    money = facts.recommendations[facts.recommendations["theme"] == "finansiering"]
    if not money.empty:
        row = money.iloc[-1]
        status = f" Uppföljning: {row['status']}" + (f" {day(row['status_date'])}" if not
                                                    fmt.is_missing(row["status_date"]) else "")
        blocks.append(Para(f"{row['recommendation']} {facts.cite(row['sources'])}{status}.",
                           f"Utvärderingens rekommendation ({_evaluation(row)})."))
    return blocks


def _evaluation(row) -> str:
    """'Slututvärdering av PEER support, 2020-05' without the author's parenthesis."""
    return str(row["evaluation"]).split(" (")[0]
