# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Growth targets, and whether they were met
#
# Two made-up regions, 云溪市 and 江岭县, each with the work reports of 2022 and 2023.
# Each report reviews the year before (the results) and sets this year's main
# expected targets (今年主要预期目标). We write them to files as a scraper would
# leave them (two reports on one page with site chrome between them; one file in
# GB18030), read them back with `govreport.read_reports`, put the records in a
# DataFrame, set each 2022 target beside the 2022 result that the 2023 report gives,
# and draw the GDP growth targets.
#
# Run it as a script (`python examples/growth_targets.py`) or open it as a notebook
# with jupytext. The chart goes to `$GOVREPORT_EXAMPLE_OUT` (default: a temporary
# PNG file). Needs pandas and matplotlib.

# %%
import os
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

import govreport
from cookbook import growth_targets, target_vs_result  # examples/cookbook.py

pd.set_option("display.width", 160)

# %% [markdown]
# ## The reports

# %%
YUNXI = """首页 > 政务公开 > 政府工作报告
2022年云溪市政府工作报告
——2022年1月12日在云溪市第八届人民代表大会第一次会议上
云溪市市长 李明
各位代表:
现在,我代表市人民政府,向大会报告工作,请予审议。
一、2021年工作回顾
2021年,全市地区生产总值达到1850.6亿元,比上年增长8.1%;规模以上工业增加值增长9.2%;固定资产投资增长6.5%;社会消费品零售总额增长12.3%;一般公共预算收入完成120.4亿元,增长7.8%;城镇和农村居民人均可支配收入分别增长7.9%和10.2%。
二、2022年工作安排
今年经济社会发展的主要预期目标是:地区生产总值增长7%左右,规模以上工业增加值增长8%,固定资产投资增长10%以上,社会消费品零售总额增长9%左右,一般公共预算收入增长6%,城乡居民人均可支配收入分别增长7%和8.5%,城镇调查失业率控制在5.5%以内。
各位代表,让我们团结一心,奋勇争先!
2022-01-20
上一页 [1] [2] 下一页
2023年云溪市政府工作报告
——2023年1月10日在云溪市第八届人民代表大会第二次会议上
云溪市市长 李明
各位代表:
现在,我代表市人民政府,向大会报告工作,请予审议。
一、2022年工作回顾
过去一年,全市地区生产总值达到1960.2亿元,比上年增长5.6%;规模以上工业增加值增长8.4%;固定资产投资增长11.2%;社会消费品零售总额增长3.1%;一般公共预算收入完成126.9亿元,增长5.4%;城镇和农村居民人均可支配收入分别增长6.2%和8.1%;城镇调查失业率为5.1%。
二、2023年工作安排
今年经济社会发展的主要预期目标是:地区生产总值增长6.5%左右,规模以上工业增加值增长7.5%,固定资产投资增长8%以上,社会消费品零售总额增长7%左右,一般公共预算收入增长5%。
各位代表,让我们团结一心,奋勇争先!
"""

JIANGLING = """2022年江岭县政府工作报告
——2022年2月15日在江岭县第十八届人民代表大会第一次会议上
江岭县县长 王芳
各位代表:
一、2021年工作回顾
2021年,全县地区生产总值增长7.2%,一般公共预算收入增长6.1%,固定资产投资增长9.5%。
二、2022年工作安排
今年全县发展的主要预期目标是:地区生产总值增长6.5%左右,一般公共预算收入增长5%以上,固定资产投资增长8%,社会消费品零售总额增长7%左右,单位地区生产总值能耗下降3%。
2023年江岭县政府工作报告
——2023年2月8日在江岭县第十八届人民代表大会第二次会议上
江岭县县长 王芳
各位代表:
一、2022年工作回顾
2022年,全县地区生产总值增长6.2%,一般公共预算收入增长5.3%,固定资产投资增长7.6%,社会消费品零售总额增长7.9%。单位地区生产总值能耗预计下降3.2%。
二、2023年工作安排
今年全县发展的主要预期目标是:地区生产总值增长6%以上,一般公共预算收入增长5%左右。
"""

folder = Path(tempfile.mkdtemp(prefix="govreport-example-"))
(folder / "yunxi.txt").write_text(YUNXI, encoding="utf-8")
(folder / "jiangling.txt").write_bytes(JIANGLING.encode("gb18030"))

# %% [markdown]
# ## Read them back
#
# `read_reports` decodes the bytes, splits each page into its reports and reads each
# header: region, year, delivery date, speaker.

# %%
reports = [rep for path in sorted(folder.glob("*.txt")) for rep in govreport.read_reports(path)]
for rep in reports:
    print(f"{rep.region} {rep.year} ({rep.date}, {rep.office} {rep.speaker}): {len(rep.records)} records")

frame = govreport.to_frame(reports)
print(frame[["region", "year", "kind", "indicator", "measure", "value", "qualifier", "text"]].head(8).to_string())

# %% [markdown]
# ## Targets of 2022 against the results of 2022
#
# The 2022 targets come from the 2022 reports, the 2022 results from the 2023
# reports: `target_vs_result` in `examples/cookbook.py` keeps the rows of
# `govreport.panel` that have both. Whether a target was met is the panel's rule
# (docs/panel.md, "When is a target met"): by the target's qualifier, and by the
# indicator's direction (less is better for the unemployment rate and energy
# intensity, so 能耗下降3% is met by a fall of 3.2%); a 左右 target is met by a result
# at most 0.5 percentage point short of it.

# %%
table = target_vs_result(reports)
print(table.to_string())
print(f"\nmet {int(table['met'].sum())} of {len(table)} targets")

# %% [markdown]
# ## GDP growth targets by region and year

# %%
gdp = growth_targets(reports, indicators=["gdp"])["gdp"].unstack("year")
qualifiers = (
    frame[(frame["kind"] == "target") & (frame["indicator"] == "gdp") & (frame["measure"] == "growth")]
    .drop_duplicates(["region", "year"])
    .set_index(["region", "year"])["qualifier"]
    .astype(str)
)
print(gdp.to_string())

SIGN = {"approx": "≈", "at_least": "≥", "at_most": "≤", "exact": "", "range": "~"}
fig, ax = plt.subplots(figsize=(6, 3.5))
width = 0.8 / len(gdp.columns)
for i, year in enumerate(gdp.columns):
    xs = [k + i * width for k in range(len(gdp.index))]
    bars = ax.bar(xs, gdp[year], width, label=str(year))
    labels = [f"{SIGN[qualifiers[(region, year)]]}{v:g}%" for region, v in gdp[year].items()]
    ax.bar_label(bars, labels=labels, padding=2)
ax.set_xticks([k + width * (len(gdp.columns) - 1) / 2 for k in range(len(gdp.index))])
# the region names in pinyin: matplotlib's default font has no Chinese characters
ax.set_xticklabels({"云溪市": "Yunxi", "江岭县": "Jiangling"}.get(r, r) for r in gdp.index)
ax.set_ylabel("GDP growth target, %")
ax.set_ylim(0, gdp.max().max() * 1.25)
ax.legend(title="report year")
fig.tight_layout()

out = Path(os.environ.get("GOVREPORT_EXAMPLE_OUT") or folder / "gdp_growth_targets.png")
fig.savefig(out, dpi=100)
print(f"chart: {out}")
