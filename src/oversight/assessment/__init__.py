"""Assessment: a described deployment -> a safeguards scorecard and an EU AI Act classification.

    from oversight.assessment import read_description, assess, render_markdown
    card = assess(read_description(Path("examples/assessments/border-egates.yaml")))

The framework (criteria, scoring, the AI Act rules encoded) is framework.yaml; the method and
its limits are in README.md.
"""

from oversight.assessment.ai_act import classify
from oversight.assessment.criteria import CRITERIA, framework
from oversight.assessment.from_registry import description_from_deployment
from oversight.assessment.model import (
    AssessmentInput,
    DescriptionError,
    parse_description,
    read_description,
)
from oversight.assessment.scorecard import RENDERERS, assess, render_html, render_json, render_markdown

__all__ = [
    "CRITERIA",
    "RENDERERS",
    "AssessmentInput",
    "DescriptionError",
    "assess",
    "classify",
    "description_from_deployment",
    "framework",
    "parse_description",
    "read_description",
    "render_html",
    "render_json",
    "render_markdown",
]
