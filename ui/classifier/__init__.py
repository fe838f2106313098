"""The sections of the bag-of-words classifier page, one concept per module."""
