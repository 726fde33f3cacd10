"""govreport: typed, validated numbers from Chinese government work reports.

>>> import govreport
>>> [(q.value, q.unit, q.qualifier) for q in govreport.find_quantities("固定資產(chǎn)投資增長9%左右")]
[(9.0, '%', 'approx')]
"""

from .errors import DecodeError, GovreportError, InputError, ValidationError
from .models import Indicator, Kind, Level, Measure, Qualifier, Quantity, Report, Section, json_schema
from .frame import MissingExtraError, to_frame, write_csv, write_jsonl, write_parquet
from .pipeline import extract, parse_report, read_reports
from .panel import panel
from .quantities import find_quantities, parse_quantity
from .regions import Region, resolve_region
from .scale import extract_many
from .text.normalize import Normalized, normalize

__version__ = "0.1.0"

__all__ = [
    "DecodeError",
    "GovreportError",
    "Indicator",
    "InputError",
    "MissingExtraError",
    "Kind",
    "Level",
    "Measure",
    "Normalized",
    "Qualifier",
    "Region",
    "Quantity",
    "Report",
    "Section",
    "ValidationError",
    "extract",
    "extract_many",
    "find_quantities",
    "json_schema",
    "normalize",
    "panel",
    "parse_quantity",
    "parse_report",
    "read_reports",
    "resolve_region",
    "to_frame",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]
