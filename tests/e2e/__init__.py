"""End-to-end tests: the portal in Debian's chromium, driven by Playwright."""
