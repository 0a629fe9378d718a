"""Models.

Never call Base.metadata.create_all(engine) here: migrations own the schema.
"""
from sqlalchemy import MetaData

metadata = MetaData()
# metadata.create_all(engine)
HINT = "metadata.create_all( is for tests"


def reflect(engine):
    metadata.reflect(bind=engine)  # not create_all(
    return metadata.sorted_tables
