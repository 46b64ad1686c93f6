(function(){
"use strict";
function key(td){var v=td.getAttribute("data-sort");return v===null?td.textContent.trim():v;}
var cmp=new Intl.Collator(undefined,{numeric:true,sensitivity:"base"}).compare;
document.querySelectorAll("table.sortable").forEach(function(t){
 var ths=t.tHead.rows[0].cells;
 Array.prototype.forEach.call(ths,function(th,i){
  th.classList.add("sortable");th.tabIndex=0;
  function go(){
   var asc=th.getAttribute("aria-sort")!=="ascending";
   Array.prototype.forEach.call(ths,function(o){o.removeAttribute("aria-sort");});
   th.setAttribute("aria-sort",asc?"ascending":"descending");
   var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);
   rows.sort(function(x,y){var r=cmp(key(x.cells[i]),key(y.cells[i]));return asc?r:-r;});
   rows.forEach(function(r){b.appendChild(r);});
  }
  th.addEventListener("click",go);
  th.addEventListener("keydown",function(e){if(e.key==="Enter"||e.key===" "){e.preventDefault();go();}});
 });
});
document.querySelectorAll(".filters").forEach(function(f){
 var t=document.getElementById(f.getAttribute("data-table"));if(!t)return;
 f.hidden=false;
 var boxes=f.querySelectorAll("input[type=checkbox]"),q=f.querySelector("input[type=search]"),out=f.querySelector(".count");
 function apply(){
  var on={},n=0,s=q?q.value.toLowerCase():"";
  boxes.forEach(function(b){on[b.value]=b.checked;});
  Array.prototype.forEach.call(t.tBodies[0].rows,function(r){
   var show=on[r.getAttribute("data-status")]!==false&&(!s||r.textContent.toLowerCase().indexOf(s)>=0);
   r.hidden=!show;if(show)n++;
  });
  var total=t.tBodies[0].rows.length;
  if(out)out.textContent=n+" of "+total+" shown";
  var note=document.querySelector('[data-printnote="'+t.id+'"]');
  if(note){
   var off=[];boxes.forEach(function(b){if(!b.checked)off.push(b.value);});
   var what=note.getAttribute("data-what");
   if(n===total){note.textContent="All "+total+" "+what+" are shown.";}
   else{note.textContent="Filtered: "+n+" of "+total+" "+what+" are shown"+(off.length?" (left out: "+off.join(", ")+")":"")+(s?" (search: \u201c"+q.value+"\u201d)":"")+"; clear the filter to print them all.";}
  }
 }
 boxes.forEach(function(b){b.addEventListener("change",apply);});
 if(q)q.addEventListener("input",apply);
 apply();
});
})();
