"""Assembly: from validated answers and the clause library to finished documents."""
