# Dates, as each language writes them. $day is two digits ("07"),
# $day_number has none ("7"); $month is two digits, $month_name a word.
date-short = { $year }-{ $month }-{ $day }
date-long = { $day_number } { $month_name } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
