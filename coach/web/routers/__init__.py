"""One small router per part of the page; ``coach.web.app`` wires them together."""
