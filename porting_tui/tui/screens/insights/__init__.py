"""The Insights screen: a period's weekly progress, rejections, lead times and stuck orders."""
