import { parseValue } from "../../../src/domain/value/parse";
const xs: any[] = ["≥95%","≧95%",">=95%","＞90%","═100%","=100","≤475元/亩","<=2875元/个","95%以上","不低于90%","不超过5%","100百分比","5千分比","28.8萬元","1,234.5万元","3,000元","１００％","2023年12月","2023-10-31","有效","达到预期","204.46平方米","≥8400元","5个","15年","-3",0,"=0","≥**个","XX","≥ 95\n%","3万人","90-100%","12月底","年底前","2023年12月底前","完成3个项目","≥90%(抽查)",">=2.61万元","<=3000元/平方米","2023.12","2023/10/31","2023年12月31日","是","/","无", "百分之95", "≥5个村"];
for (const x of xs) console.log(JSON.stringify(x), JSON.stringify(parseValue(x)));
console.log(JSON.stringify(parseValue(100,{signText:"=",unitText:"%"})));
console.log(JSON.stringify(parseValue(45230,{numberFormat:"yyyy-mm-dd"})));
console.log(JSON.stringify(parseValue(0.95,{numberFormat:"0%"})));
console.log(JSON.stringify(parseValue("95%",{unitText:"个"})));
console.log(JSON.stringify(parseValue("95",{signText:"定性"})));
