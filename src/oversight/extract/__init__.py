"""Extraction: documents in, candidate claims out (DESIGN.md, "Extraction output contract").

Stages, each a module with one function over plain data::

    readers.read_inputs → prefilter.prefilter → segment.segment → tag.tag
        → relate.relate → resolve.resolve

``pipeline.extract_document`` composes them for one document, ``pipeline.extract_stream``
for many (worker processes, resume); ``evaluate.evaluate`` scores claims against gold.
"""

from oversight.extract.pipeline import extract_document, extract_stream
from oversight.extract.readers import Document, ReadError, read_inputs
from oversight.extract.resources import EXTRACTOR_VERSION, Resources, build_resources

__all__ = [
    "EXTRACTOR_VERSION",
    "Document",
    "ReadError",
    "Resources",
    "build_resources",
    "extract_document",
    "extract_stream",
    "read_inputs",
]
