"""Models. Call Base.metadata.create_all(engine) only in tests."""
from sqlalchemy import create_engine
from sqlalchemy.orm import declarative_base

Base = declarative_base()
engine = create_engine("postgresql://app:hunter2@db/app")

# Base.metadata.create_all(engine) was here before migrations existed


def init_db():
    Base.metadata.create_all(bind=engine)
