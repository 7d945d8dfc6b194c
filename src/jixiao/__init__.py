"""jixiao (绩效): read Chinese public-sector performance disclosures and check their claims."""

__version__ = "0.1.0"
