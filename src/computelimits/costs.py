"""FLOPs to dollars and CO2: the factors of Thompson et al.'s project site (config `costs`; their defaults are in
the config schema), and a hardware-based path (chip-hours x price; chip-hours x TDP x PUE x grid intensity)."""

from __future__ import annotations

KG_PER_LB = 0.45359237


def dollars(flop, costs: dict):
    """US dollars for `flop` FLOP (scalar or array) at the configured FLOP-per-dollar factor."""
    return flop / costs["flop_per_dollar"]


def lb_co2e(flop, costs: dict):
    """Pounds of CO2-equivalent for `flop` FLOP at the configured factor."""
    return flop / costs["flop_per_lb_co2e"]


def hardware_dollars(chip_hours, price_per_chip_hour):
    """Cloud cost: chip-hours x on-demand price per chip-hour (USD)."""
    return chip_hours * price_per_chip_hour


def hardware_lb_co2e(chip_hours, tdp_w, costs: dict):
    """Energy-based emissions: chip-hours x TDP x PUE x grid intensity, in lb CO2e."""
    kwh = chip_hours * tdp_w / 1000 * costs["pue"]
    return kwh * costs["kg_co2e_per_kwh"] / KG_PER_LB
