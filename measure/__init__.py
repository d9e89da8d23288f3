"""The rules of measure 21.4.7.56: the project period and who belongs to its four target groups.

Plain Python with no Django: `parameters` holds every date, age and period with its source,
`rules` decides. The site (pages, the checker, the API) uses it; it uses nothing of the site.
"""
