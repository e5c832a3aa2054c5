namespace ActorMap.Compute.Telemetry;

/// <summary>The report page's style and script, inline: nothing is fetched when it opens.</summary>
internal static partial class ReportHtml
{
    private const string Css = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1f2937; max-width: 1400px; }
        h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
        .outcome.succeeded { color: #15803d; } .outcome.failed { color: #b91c1c; } .outcome.cancelled { color: #b45309; }
        pre { background: #f3f4f6; padding: .6em; overflow-x: auto; white-space: pre-wrap; }
        .trace { font-size: 12px; }
        table.summary th { text-align: left; padding-right: 1.5em; font-weight: 600; }
        .phases { display: flex; height: 18px; border: 1px solid #d1d5db; max-width: 800px; }
        .phase.upload { background: #a78bfa; } .phase.compute { background: #3b82f6; } .phase.download { background: #34d399; }
        .note, .legend { color: #6b7280; }
        .failure { color: #b91c1c; }
        .key { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 10px; vertical-align: middle; }
        .key.done { background: #3b82f6; } .key.failed { background: #dc2626; } .key.redispatched { background: #f59e0b; }
        #stream-box { position: relative; }
        #stream { width: 100%; display: block; border: 1px solid #e5e7eb; }
        #tip { position: absolute; display: none; background: #111827; color: #f9fafb; padding: 4px 8px; font-size: 12px;
               pointer-events: none; white-space: pre; border-radius: 3px; }
        table.bars { border-collapse: collapse; min-width: 600px; }
        table.bars td { padding: 2px 8px; } table.bars td.bar { width: 400px; }
        table.bars td.bar div { background: #3b82f6; height: 12px; }
        """;

    private const string Script = """
        (function () {
          var d = JSON.parse(document.getElementById('data').textContent);
          var canvas = document.getElementById('stream'), tip = document.getElementById('tip');
          var lanes = d.lanes, s = d.spans, n = s.length / 7, colours = ['#3b82f6', '#dc2626', '#f59e0b'];
          // The axis runs from the first chunk's dispatch to the last attempt's end: the compute
          // phase also holds what came before (a cluster job's lambda compiling on the Seed).
          var end = 0, i, j;
          for (i = 0; i < n; i++) { end = Math.max(end, s[i * 7 + 2] + s[i * 7 + 3]); }
          end = Math.max(end, 1e-3);
          var laneH = lanes.length > 80 ? Math.max(3, Math.floor(720 / lanes.length)) : 16, labelW = 200, axisH = 22;
          // Spans per lane, sorted by start: for drawing and for finding the one under the mouse.
          var byLane = lanes.map(function () { return []; });
          for (i = 0; i < n; i++) { if (byLane[s[i * 7 + 1]]) { byLane[s[i * 7 + 1]].push(i); } }
          byLane.forEach(function (list) { list.sort(function (a, b) { return s[a * 7 + 2] - s[b * 7 + 2]; }); });
          function draw() {
            var ratio = window.devicePixelRatio || 1, width = canvas.clientWidth, height = lanes.length * laneH + axisH;
            canvas.style.height = height + 'px';
            canvas.width = Math.round(width * ratio); canvas.height = Math.round(height * ratio);
            var c = canvas.getContext('2d');
            c.setTransform(ratio, 0, 0, ratio, 0, 0);
            c.clearRect(0, 0, width, height);
            var scale = (width - labelW - 10) / end;
            c.font = Math.min(12, laneH) + 'px sans-serif'; c.textBaseline = 'middle';
            var node = null;
            for (var lane = 0; lane < lanes.length; lane++) {
              var y = lane * laneH;
              if (lanes[lane][0] !== node) {
                node = lanes[lane][0];
                c.fillStyle = '#d1d5db'; c.fillRect(0, y, width, 1);
              }
              if (laneH >= 9) { c.fillStyle = '#374151'; c.fillText(lanes[lane][0] + ' ' + lanes[lane][1], 4, y + laneH / 2, labelW - 8); }
              // Coalesced: bars of one colour closer than half a pixel become one rectangle.
              for (var outcome = 0; outcome < 3; outcome++) {
                c.fillStyle = colours[outcome];
                var x0 = -1, x1 = -1, list = byLane[lane];
                for (j = 0; j < list.length; j++) {
                  var k = list[j] * 7;
                  if (s[k + 4] !== outcome) { continue; }
                  var a = labelW + s[k + 2] * scale, b = Math.max(a + 1, labelW + (s[k + 2] + s[k + 3]) * scale);
                  if (x0 >= 0 && a <= x1 + 0.5) { x1 = Math.max(x1, b); continue; }
                  if (x0 >= 0) { c.fillRect(x0, y + 1, x1 - x0, laneH - 2); }
                  x0 = a; x1 = b;
                }
                if (x0 >= 0) { c.fillRect(x0, y + 1, x1 - x0, laneH - 2); }
              }
            }
            var axisY = lanes.length * laneH;
            c.fillStyle = '#374151'; c.fillRect(labelW, axisY, width - labelW - 10, 1);
            var step = Math.pow(10, Math.floor(Math.log10(end / 5)));
            if (end / step > 10) { step *= 2; } if (end / step > 10) { step *= 2.5; }
            for (var t = 0; t <= end + 1e-9; t += step) {
              var x = labelW + t * scale;
              c.fillRect(x, axisY, 1, 5);
              c.fillText(t >= 1000 ? (t / 1000).toFixed(step >= 1000 ? 0 : 2) + ' s' : +t.toFixed(3) + ' ms', x + 2, axisY + 13);
            }
            canvas.onmousemove = function (e) {
              var r = canvas.getBoundingClientRect(), lane = Math.floor((e.clientY - r.top) / laneH), t = (e.clientX - r.left - labelW) / scale;
              var hit = -1, list = byLane[lane] || [];
              for (j = 0; j < list.length; j++) {
                var k = list[j] * 7;
                if (s[k + 2] > t + 2 / scale) { break; }
                if (t <= s[k + 2] + s[k + 3] + 2 / scale) { hit = k; }
              }
              if (hit < 0) { tip.style.display = 'none'; return; }
              tip.textContent = 'chunk ' + s[hit] + ' (elements ' + s[hit + 5] + ' to ' + (s[hit + 5] + s[hit + 6] - 1) + ')\n' +
                ['done', 'failed', 're-dispatched'][s[hit + 4]] + ' on ' + lanes[lane][0] + ' ' + lanes[lane][1] + '\n' +
                'from ' + s[hit + 2].toFixed(3) + ' ms for ' + s[hit + 3].toFixed(3) + ' ms';
              tip.style.display = 'block';
              tip.style.left = (e.clientX - r.left + 12) + 'px'; tip.style.top = (e.clientY - r.top + 12) + 'px';
            };
            canvas.onmouseleave = function () { tip.style.display = 'none'; };
          }
          draw();
          window.addEventListener('resize', draw);
        })();
        """;
}
