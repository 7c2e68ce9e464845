"""The cost of each agreement year (`scenario.cost_by_year`): the formula of scenario.py's docstring, worked out
by hand, and its sum is the whole period's cost."""

import pytest

from dashboard.scenario import model as scenario

SEVEN = {"supporters_funded": 7, "recruits": 0, "cost_per_supporter_sek": 500_000,
         "training_cost_per_person_sek": 40_000, "overhead_share": 0.0, "annual_increase": 0.0, "agreement_years": 1}


@pytest.mark.parametrize("changes,expected", [
    ({}, [3_500_000]),
    # 7 × 500 000 = 3 500 000, then 3 % a year: 3 605 000 and 3 713 150
    ({"agreement_years": 3, "annual_increase": 0.03}, [3_500_000, 3_605_000, 3_713_150]),
    # two recruits trained the first year only: 3 500 000 + 2 × 40 000 = 3 580 000, then 3 500 000
    ({"agreement_years": 2, "recruits": 2}, [3_580_000, 3_500_000]),
    # a fifth of the money to overhead: each year / 0,8 (3 500 000 / 0,8 = 4 375 000; 3 605 000 / 0,8 = 4 506 250)
    ({"agreement_years": 2, "annual_increase": 0.03, "overhead_share": 0.2}, [4_375_000, 4_506_250]),
    # a cut of 10 % a year: 3 500 000, 3 150 000
    ({"agreement_years": 2, "annual_increase": -0.1}, [3_500_000, 3_150_000]),
])
def test_each_year_by_hand(changes, expected):
    assert scenario.cost_by_year({**SEVEN, **changes}) == pytest.approx(expected)


def test_the_years_add_up_to_the_period_and_the_first_is_the_first_year(fresh):
    from dashboard.scenario import baseline as scenario_baseline
    from dashboard.scenario import reading as scenario_reading

    baseline = scenario_baseline.load_baseline()
    inputs = scenario_reading.parse_inputs({"staffing": "to_target", "agreement_years": "3", "annual_increase": "2 %"},
                                      baseline)
    result = scenario.evaluate(inputs, baseline)
    years = scenario.cost_by_year(result)
    assert len(years) == 3
    assert sum(years) == pytest.approx(result["total_cost_sek"], abs=0.01)
    assert years[0] == pytest.approx(result["cost_per_year_sek"], abs=0.01)
