"""How every benchmark prints its results: each measurement with its ratio to
the baseline measured in the same run."""

from __future__ import annotations


def show(title: str, results: dict[str, float], baseline: str, unit: str, *,
         lower_is_better: bool = False) -> None:
    """Print `results` (name -> value) with each value's ratio to `results[baseline]`,
    as "x2.00" meaning twice as good as the baseline."""
    base = results[baseline]
    print(title)
    width = max(map(len, results))
    for name, value in results.items():
        ratio = base / value if lower_is_better else value / base
        print(f"  {name:<{width}} {value:8.0f} {unit}   x{ratio:5.2f}")
