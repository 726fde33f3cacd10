"""Read the sample report shipped with govreport and print its growth targets and results.

Run: python examples/quickstart.py
"""

import govreport
from govreport.cli import sample_path


def main() -> None:
    [report] = govreport.read_reports(sample_path())
    print(f"{report.title} — {report.region} ({report.level.value}), plans for {report.year}")
    print(f"delivered {report.date} by {report.office} {report.speaker}; {len(report.records)} records")
    for section in report.sections:
        print(f"  section: {section.title[:16]}… ({section.kind})")
    print("\nGrowth of the headline indicators:")
    for r in report.records:
        if r.indicator and r.measure.value == "growth":
            print(f"  {r.kind.value:<12} {r.year}  {r.indicator:<28} {r.value:>6}% {r.qualifier.value:<8} «{r.text}»")


if __name__ == "__main__":
    main()
