"""The optimisation page's sections: the landscape, one step at a time, the race, and the question.

`app_pages/optimisation.py` calls them in order; `settings` holds the page's typed settings and
`compute` the cached computations and chart specs the sections share.
"""
