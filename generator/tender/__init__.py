"""Tenders: a municipality's profile (aanbesteding.yaml), model documents, and bids checked against it."""
