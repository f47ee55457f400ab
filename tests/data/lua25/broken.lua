$file "broken.lua"
$line 1
-- line 1 of broken.lua
Broken = {}
Broken.value = nil + 1
