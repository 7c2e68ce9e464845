"""Amounts as Swedes type them, through the parser and through the command line; per year against per period."""

import json

import pytest

from dashboard.base.amounts import AmountError, echo, parse_amount, parse_share
from dashboard.scenario.bounds import BOUNDS

BUDGET = (BOUNDS["budget_sek"].low, BOUNDS["budget_sek"].high)   # 100 000 to 1 000 000 000 kr

AMOUNTS = [
    ("3 500 000", 3_500_000), ("3 500 000 kr", 3_500_000), ("3,5 mnkr", 3_500_000), ("3 500 tkr", 3_500_000),
    ("3500000", 3_500_000), ("5700000,50", 5_700_000.50), ("5,7 mnkr", 5_700_000), ("5,7 MNKR", 5_700_000),
    ("3\u00a0500\u00a0000", 3_500_000), ("3 500 000,5 kr", 3_500_000.5), ("2 mnkr", 2_000_000),
    ("400 tkr", 400_000), ("3,5 miljoner kronor", 3_500_000), ("3 500 000 SEK", 3_500_000),
    # broken, English or implausible for a yearly budget: refused, never rescaled
    ("5,7", "inte är rimligt"), ("3.5", "inte är rimligt"), ("3,500,000", "kunde inte läsas"),
    ("3.500.000", "kunde inte läsas"), ("abc", "kunde inte läsas"), ("", "kunde inte läsas"),
    ("inf", "kunde inte läsas"), ("1e30", "kunde inte läsas"), ("-5", "inte är rimligt"),
    ("99 999 kr", "inte är rimligt"), ("2 000 mnkr", "inte är rimligt"),
]


@pytest.mark.parametrize("text, expected", AMOUNTS)
def test_a_typed_budget_is_read_as_swedes_write_it_or_refused(text, expected):
    if isinstance(expected, str):
        with pytest.raises(AmountError, match=expected):
            parse_amount(text, BUDGET)
    else:
        assert parse_amount(text, BUDGET) == pytest.approx(expected)


def test_a_huge_typed_amount_is_refused_without_repeating_its_digits():
    with pytest.raises(AmountError) as refused:
        parse_amount("1" + "0" * 308, BUDGET)   # 1e308 written out
    message = str(refused.value)
    assert "är ett belopp som inte är rimligt här" in message and "1000000000000000000000000" not in message
    assert len(message) < 200


@pytest.mark.parametrize("value, shown", [
    (1e308, "1e+308"), (float("inf"), "inf"), (float("nan"), "nan"), (-1e20, "-1e+20"), (10**400, "ett tal med "
     "hundratals siffror"), (0.05, "0,05"), (3, "3"), ("x" * 30, "x" * 23 + "…"), ("1e308", "1e308"),
])
def test_a_message_echoes_numbers_short(value, shown):
    assert echo(value) == shown


@pytest.mark.parametrize("text, expected", [("10 %", 0.10), ("10%", 0.10), ("0,1", 0.10), ("2,5 procent", 0.025),
                                            ("20procent", 0.2), ("\u22122,5 %", -0.025), ("-2,5procent", -0.025)])
def test_a_share_is_read_in_per_cent_or_as_a_fraction(text, expected):
    assert parse_share(text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [(t, e) for t, e in AMOUNTS if t])   # budget_sek= means the default
def test_the_command_line_reads_the_same_amounts(cli, text, expected):
    result = cli("scenario", "--param", f"budget_sek={text}", "--format", "json")
    if isinstance(expected, str):
        assert result.returncode == 2 and "Budget per år" in result.stderr and expected in result.stderr
    else:
        assert result.returncode == 0 and json.loads(result.stdout)["budget_sek"] == pytest.approx(expected)


def test_a_three_year_scenario_states_per_year_and_per_period_costs(cli):
    """2020-06-11: 3,5 mnkr for seven employed (000) is 500 000 kr each; five units are last known: four with at
    least one supporter (002) and Aktivitetshuset with one (004), so 'to target' funds at most 7 + 5 = 12 and
    trains at most 5 at 5/52 of 500 000 kr (003's five weeks)."""
    result = cli("scenario", "--param", "staffing=to_target", "--param", "agreement_years=3", "--format", "json")
    document = json.loads(result.stdout)
    training = 5 * 500_000 * 5 / 52                                      # 240 384,62
    assert document["supporters_funded"] == 12 and document["recruits"] == 5
    assert document["cost_per_year_sek"] == pytest.approx(12 * 500_000 + training, abs=0.01)     # 6 240 384,62
    assert document["total_cost_sek"] == pytest.approx(3 * 12 * 500_000 + training, abs=0.01)   # 18 240 384,62
    assert document["budget_total_sek"] == 3 * 3_500_000
    assert document["balance_sek"] == pytest.approx(10_500_000 - (18_000_000 + training), abs=0.01)
