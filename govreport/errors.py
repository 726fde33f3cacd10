"""The one family of errors that govreport raises."""


class GovreportError(Exception):
    """Base class of every error raised on purpose by govreport."""


class InputError(GovreportError, TypeError):
    """The argument is not text (or bytes) that govreport can read."""


class DecodeError(GovreportError, ValueError):
    """Bytes that no supported encoding decodes."""


class ValidationError(GovreportError, ValueError):
    """A record or quantity that would break the record contract."""
