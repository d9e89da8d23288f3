"""What one uncached public page may cost: the same number, however much content there is.

The home page, the most expensive, reads: the languages shown to visitors (unless the shared
cache holds them), the home page, the target-groups page, the groups, the menu, the page's
attachments, the next events and the latest news. bench/run.py holds pages to the same budget.
"""

MAX_QUERIES_PER_PAGE = 8
