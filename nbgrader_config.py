# nbgrader configuration for the course's workbooks (notebooks/NN-workbook-TOPIC.ipynb).
#
# Each workbook exercise has its solution inside the function, between the lines
# `// BEGIN SOLUTION` and `// END SOLUTION` (nbgrader's default markers). nbgrader's
# ClearSolutions replaces each such region, markers included, by the stub below at the markers'
# indentation; the workbook's check cell then prints "… not done yet" until the learner writes
# the function. The project's own export makes the same student version without nbgrader:
#     npm run handouts -- --notebooks-only       (handouts/student/NN-workbook-TOPIC.ipynb)
# (scripts/handouts/workbook_versions.py; a test checks that its stub equals the one here).
#
# A teacher who uses nbgrader: `pip install nbgrader`, put this file at the root of the course
# folder, copy the workbooks into source/ASSIGNMENT/ (with notebooks/'s other files), then run
#     nbgrader generate_assignment ASSIGNMENT
# and hand out release/ASSIGNMENT/. The checks are the library's check() cells, not nbgrader
# tests, so there is nothing to autograde; the learner sees each verdict at once.
c = get_config()  # noqa: F821 (nbgrader defines get_config when it reads this file)

# The stub in place of a solution, by kernel language (the workbooks' language_info.name).
c.ClearSolutions.code_stub = {"typescript": 'throw new Error("not done yet");'}
# nbgrader's default markers, stated so the workbooks' marker lines are visibly these.
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
# The solution cells carry no nbgrader cell metadata: the markers alone delimit the solutions.
c.ClearSolutions.enforce_metadata = False
