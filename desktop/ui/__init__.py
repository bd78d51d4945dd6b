"""The Qt layer: windows, views, item models and workers on top of the Qt-free core."""
