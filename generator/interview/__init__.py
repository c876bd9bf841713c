"""The guided questionnaire (`consortium interview`): questionnaire data, engine, review.

Nothing here imports questionary; the terminal prompts live in generator.adapters.prompts.
"""
