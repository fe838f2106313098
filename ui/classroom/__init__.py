"""The classroom page's sections and the classifier's room actions, one concept per module."""
