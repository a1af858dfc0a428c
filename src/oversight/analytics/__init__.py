"""Analytics: figures computed from deployment records (plain data in, plain data out)."""
