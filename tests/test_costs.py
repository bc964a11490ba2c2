"""Cost conversions: the paper site's factors and the hardware path."""

from __future__ import annotations

import pytest

from computelimits.costs import KG_PER_LB, dollars, hardware_dollars, hardware_lb_co2e, lb_co2e
from computelimits.defaults import defaults

DEFAULT_COSTS = defaults()["costs"]  # the schema's


def test_site_factors():
    # SCIENCE.md: dollars = FLOP / 6.874e16; lb CO2e = FLOP / 3.4976e17
    assert dollars(6.874e16 * 1e9, DEFAULT_COSTS) == pytest.approx(1e9)
    assert lb_co2e(3.4976e17, DEFAULT_COSTS) == pytest.approx(1.0)
    # the paper's v2 figure: ImageNet 5% at ~1e26 FLOP costs ~$1e9
    assert dollars(1e26, DEFAULT_COSTS) == pytest.approx(1.45e9, rel=0.01)


def test_hardware_path():
    assert hardware_dollars(672, 1.46) == pytest.approx(981.12)
    # 8 P100 x 84 h at 250 W, PUE 1.1, 0.429 kg/kWh
    kwh = 672 * 250 / 1000 * 1.1
    assert hardware_lb_co2e(672, 250, DEFAULT_COSTS) == pytest.approx(kwh * 0.429 / KG_PER_LB)
