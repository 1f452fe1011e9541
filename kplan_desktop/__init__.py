"""KPlan Desktop: review of a city's strategic development plan by its expert working groups."""

__version__ = "0.1.0"
